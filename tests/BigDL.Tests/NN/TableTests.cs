using BigDL.Tensors;

namespace BigDL.Tests.NN;

public class TableTests
{
    [Fact]
    public void Indexer_SetAtCountAppends_BeyondThrows()
    {
        var table = new Table(new Tensor<float>(2));
        table[1] = new Tensor<float>(3);
        Assert.Equal(2, table.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[3] = new Tensor<float>(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => table[2]);
    }

    [Fact]
    public void Get_WrongKind_SaysWhatItIs()
    {
        var table = new Table(new Table());
        var e = Assert.Throws<ArgumentException>(() => table.Get<Tensor<float>>(0));
        Assert.Contains("table element 0 is table {}, not a tensor of Single", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NestedTable() =>
        Assert.Equal("table {tensor [2, 3], table {tensor []}}",
            Activity.Describe(new Table(new Tensor<double>(2, 3), new Table(new Tensor<double>()))));
}
