using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

public class ValidationMethodTests
{
    // Scores of 3 records over 6 classes: row 0 best class 2, row 1 best class 0 (class 5 second), row 2 best class 4.
    private static Tensor<double> Scores() => new(
    [
        0.1, 0.2, 0.9, 0.0, 0.3, 0.1,
        0.8, 0.1, 0.0, 0.2, 0.3, 0.7,
        0.0, 0.1, 0.2, 0.3, 0.9, 0.5,
    ], 3, 6);

    private static Tensor<double> Of(params double[] values) => new(values, values.Length);

    [Fact]
    public void Top1Accuracy_CountsRowsWhoseBestClassIsTheTarget()
    {
        var result = (AccuracyResult)new Top1Accuracy<double>().Apply(Scores(), Of(2, 5, 4));
        Assert.Equal(2, result.Correct);
        Assert.Equal(3, result.Count);
        Assert.Equal("Accuracy(correct: 2, count: 3, accuracy: 0.6667)", result.ToString());
    }

    [Fact]
    public void Top5Accuracy_CountsTargetsAmongTheFiveBest()
    {
        // Row 0's target is its best class; row 1's target 2 is its worst (outside its top five); row 2's 5 is second.
        var result = (AccuracyResult)new Top5Accuracy<double>().Apply(Scores(), Of(2, 2, 5));
        Assert.Equal(2, result.Correct);
    }

    [Fact]
    public void Top1Accuracy_TargetOutsideTheClasses_ThrowsSayingLabelsAreZeroBased()
    {
        var e = Assert.Throws<ArgumentException>(() => new Top1Accuracy<double>().Apply(Scores(), Of(2, 6, 4)));
        Assert.Contains("target 6 at row 1", e.Message);
        Assert.Contains("0-based", e.Message);
    }

    [Fact]
    public void Results_MergeByCounts()
    {
        var merged = new AccuracyResult(9, 10) + new AccuracyResult(1, 10);
        Assert.Equal((0.5, 20L), merged.Result);
        var mean = new MeanResult("Loss", 3, 2) + new MeanResult("Loss", 1, 2);
        Assert.Equal((1.0, 4L), mean.Result);
        Assert.Throws<ArgumentException>(() => new AccuracyResult(1, 2) + new MeanResult("Loss", 1, 1));
    }

    [Fact]
    public void Loss_WeightsEachBatchByItsRecords()
    {
        var output = new Tensor<double>([-0.5, -1.0, -2.0, -0.1], 2, 2); // log-probabilities
        var result = new Loss<double>().Apply(output, Of(0, 1));
        // ClassNLL mean over 2 rows: (0.5 + 0.1) / 2 = 0.3; kept as sum 0.6 over 2 records.
        Assert.Equal(0.3, result.Result.Value, 12);
        Assert.Equal(2, result.Result.Count);
        var summed = new Loss<double>(new ClassNLLCriterion<double>(sizeAverage: false)).Apply(output, Of(0, 1));
        Assert.Equal(0.3, summed.Result.Value, 12);
    }

    [Fact]
    public void MAE_IsTheMeanAbsoluteDifferenceOverElements()
    {
        var result = new MAE<double>().Apply(new Tensor<double>([1, 2, 3, 4], 2, 2), new Tensor<double>([1, 0, 4, 4], 2, 2));
        Assert.Equal(0.75, result.Result.Value, 12);
        Assert.Equal(4, result.Result.Count);
    }

    [Fact]
    public void TreeNNAccuracy_ScoresTheRootNode()
    {
        var output = new Tensor<double>(2, 2, 3);
        output.SetValue([0, 0, 1], 1.0); // record 0 root predicts 1
        output.SetValue([1, 0, 2], 1.0); // record 1 root predicts 2
        output.SetValue([1, 1, 0], 5.0); // a leaf of record 1: ignored
        var target = new Tensor<double>([1, 0, 0, 0], 2, 2);
        var result = (AccuracyResult)new TreeNNAccuracy<double>().Apply(output, target);
        Assert.Equal(1, result.Correct);
    }
}
