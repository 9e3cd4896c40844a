using BigDL.DataSets;
using BigDL.Tensors;

namespace BigDL.Tests.DataSets;

public class SampleToMiniBatchTests
{
    private static Sample<float> Record(int i) => new(Tensor<float>.Ones(2, 3).Mul(i), (float)(i % 10));

    [Fact]
    public void Apply_SevenSamplesInThrees_GivesTwoFullBatchesAndARemainder()
    {
        var sizes = new List<int>();
        var firstValues = new List<float>();
        var labels = new List<float>();
        foreach (var batch in new SampleToMiniBatch<float>(3).Apply(Enumerable.Range(0, 7).Select(Record)))
        {
            sizes.Add(batch.Size);
            Assert.Equal([batch.Size, 2, 3], batch.Input.Size());
            Assert.Equal([batch.Size], batch.Target.Size());
            for (int r = 0; r < batch.Size; r++)
            {
                firstValues.Add(batch.Input[r, 1, 2]);
                labels.Add(batch.Target[r]);
            }
        }
        Assert.Equal([3, 3, 1], sizes);
        Assert.Equal([0f, 1, 2, 3, 4, 5, 6], firstValues);
        Assert.Equal([0f, 1, 2, 3, 4, 5, 6], labels);
    }

    [Fact]
    public void Apply_SampleOfOtherShape_ThrowsNamingBothShapes()
    {
        var samples = new[] { Record(0), new Sample<float>(Tensor<float>.Ones(4), 1f) };
        var e = Assert.Throws<ArgumentException>(() => new SampleToMiniBatch<float>(2).Apply(samples).ToList());
        Assert.Contains("[4]", e.Message);
        Assert.Contains("[2, 3]", e.Message);
    }

    [Fact]
    public void Constructor_BatchSizeZero_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SampleToMiniBatch<float>(0));

    [Fact]
    public void MiniBatch_Slice_IsAViewOfTheRows()
    {
        var batch = new MiniBatch<float>(Tensor<float>.Range(0, 11).View(6, 2), Tensor<float>.Range(0, 5));
        var slice = batch.Slice(2, 3);
        Assert.Equal(3, slice.Size);
        Assert.Equal(4f, slice.Input[0, 0]);
        Assert.Equal(4f, slice.Target[2]);
        slice.Target.SetValue(0, 99f);
        Assert.Equal(99f, batch.Target[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => batch.Slice(5, 2));
    }

    [Fact]
    public void MiniBatch_RowsDiffer_ThrowsNamingShapes()
    {
        var e = Assert.Throws<ArgumentException>(() => new MiniBatch<float>(new Tensor<float>(4, 2), new Tensor<float>(3)));
        Assert.Contains("[4, 2]", e.Message);
        Assert.Contains("[3]", e.Message);
    }
}
