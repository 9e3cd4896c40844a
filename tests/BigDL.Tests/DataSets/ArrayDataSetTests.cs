using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class ArrayDataSetTests
{
    private static DataSet<int> Numbers(int n, ulong seed = 7) => DataSet.Array(Enumerable.Range(0, n).ToArray(), seed);

    [Fact]
    public void Data_NotTraining_GivesStoredOrderOnePass()
    {
        var data = Numbers(5);
        data.Shuffle(1);
        Assert.Equal([0, 1, 2, 3, 4], data.Data(train: false));
        Assert.Equal(5, data.Size);
    }

    [Fact]
    public void Shuffle_SameSeedAndEpoch_SamePermutationOfEveryRecord()
    {
        var a = Numbers(100);
        var b = Numbers(100);
        a.Shuffle(3);
        b.Shuffle(3);
        var order = a.Data(train: true).ToArray();
        Assert.Equal(order, b.Data(train: true));
        Assert.Equal(Enumerable.Range(0, 100), order.Order());
        Assert.NotEqual(Enumerable.Range(0, 100), order);
    }

    [Fact]
    public void Shuffle_OtherEpochOrSeed_OtherOrder()
    {
        var data = Numbers(100);
        data.Shuffle(1);
        var first = data.Data(train: true).ToArray();
        data.Shuffle(2);
        Assert.NotEqual(first, data.Data(train: true));
        var other = Numbers(100, seed: 8);
        other.Shuffle(1);
        Assert.NotEqual(first, other.Data(train: true));
        data.Shuffle(1);
        Assert.Equal(first, data.Data(train: true));
    }

    [Fact]
    public void Transform_AppliesLazilyAndKeepsSizeAndShuffling()
    {
        int applied = 0;
        var doubled = Numbers(4).Transform(new Map(x => { applied++; return 2 * x; }));
        Assert.Equal(4, doubled.Size);
        Assert.Equal(0, applied);
        Assert.Equal([0, 2, 4, 6], doubled.Data(train: false));
        doubled.Shuffle(1);
        Assert.Equal([0, 2, 4, 6], doubled.Data(train: true).Order());
    }

    [Fact]
    public void Then_ChainsTransformersInOrder()
    {
        var chain = new Map(x => x + 1).Then(new Map(x => x * 10));
        Assert.Equal([10, 20], chain.Apply([0, 1]));
    }

    private sealed class Map(Func<int, int> f) : Transformer<int, int>
    {
        public override IEnumerable<int> Apply(IEnumerable<int> source) => source.Select(f);
    }
}
