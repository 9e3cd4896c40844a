using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class PlateauTests
{
    // One iteration per epoch; the score of epochs 1, 2, 3, … is 1.0, 0.9, then 0.95 forever (no more improvement).
    private static double Score(int epoch) => epoch switch { 1 => 1.0, 2 => 0.9, _ => 0.95 };

    [Fact]
    public void Rates_ReduceAfterPatienceEpochsWithoutImprovement()
    {
        // Epochs 2, 3 improve (best 1.0 then 0.9); epochs 4, 5 wait (1, 2); epoch 6 finds wait = patience and halves
        // the rate, wait restarts at 1; epoch 7 waits (2); epoch 8 halves again.
        var rates = Rates(new Plateau(factor: 0.5, patience: 2), 8, scoreOfEpoch: Score, iterationsPerEpoch: 1);
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.025], rates);
    }

    [Fact]
    public void Rates_Cooldown_DelaysCountingAfterAReduction()
    {
        // As above until epoch 6; then epoch 7 spends the cool-down (wait reset to 0, then 1), epoch 8 waits (2),
        // epoch 9 halves.
        var rates = Rates(new Plateau(factor: 0.5, patience: 2, cooldown: 1), 9, scoreOfEpoch: Score, iterationsPerEpoch: 1);
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025], rates);
    }

    [Fact]
    public void Rates_NeverFallBelowMinLr()
    {
        var rates = Rates(new Plateau(factor: 0.5, patience: 2, minLr: 0.04), 12, scoreOfEpoch: Score, iterationsPerEpoch: 1);
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.04, 0.04, 0.04, 0.04, 0.04], rates);
    }

    [Fact]
    public void Rates_MaxMode_KeepTheRateWhileTheScoreRises()
    {
        var rates = Rates(new Plateau(mode: "max", patience: 1), 6, scoreOfEpoch: epoch => epoch * 0.1, iterationsPerEpoch: 1);
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.1, 0.1], rates);
    }

    [Fact]
    public void Rates_MonitorLoss_ReadsTheLastLoss()
    {
        // The loss is always 1: best 1 at epoch 2, waits 1, 2 at epochs 3, 4, and epoch 5 reduces 0.1 → 0.01.
        var rates = Rates(new Plateau(monitor: "loss", patience: 2), 5, iterationsPerEpoch: 1);
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.1 * 0.1], rates);
    }

    [Fact]
    public void Rates_StayWithinAnEpoch()
    {
        var rates = Rates(new Plateau(factor: 0.5, patience: 0), 6, scoreOfEpoch: _ => 1.0, iterationsPerEpoch: 2);
        // Epoch 2 sets the best; epoch 3 has no improvement and patience 0: halves once, for both its iterations.
        AssertRates([0.1, 0.1, 0.1, 0.1, 0.05, 0.05], rates);
    }

    [Fact]
    public void UpdateHyperParameter_NoScoreAtANewEpoch_ThrowsSayingWhatIsMissing()
    {
        var sgd = new SGD<double>(0.1, learningRateSchedule: new Plateau());
        sgd.UpdateHyperParameter();
        sgd.State.Epoch = 2;
        var e = Assert.Throws<InvalidOperationException>(sgd.UpdateHyperParameter);
        Assert.Contains("Plateau monitors the score", e.Message);
        Assert.Contains("State.Score", e.Message);
    }

    [Fact]
    public void Counters_LiveInTheMethodState()
    {
        var sgd = new SGD<double>(0.1, learningRateSchedule: new Plateau(patience: 1));
        sgd.State.Epoch = 2;
        sgd.State.Score = 0.5;
        sgd.Optimize(_ => (0, new Tensor<double>(1)), new Tensor<double>(1));
        Assert.Equal(0.5, sgd.State.Scalars["plateau.best"]);
        Assert.Equal(2, sgd.State.Scalars["plateau.epoch"]);
        Assert.Equal(0.1, sgd.State.Scalars["plateau.rate"]);
    }

    [Fact]
    public void Constructor_UnknownModeOrMonitor_Throws()
    {
        Assert.Contains("expected mode \"min\" or \"max\", got \"up\"", Assert.Throws<ArgumentException>(() => new Plateau(mode: "up")).Message);
        Assert.Equal("monitor", Assert.Throws<ArgumentException>(() => new Plateau(monitor: "accuracy")).ParamName);
        Assert.Equal("factor", Assert.Throws<ArgumentOutOfRangeException>(() => new Plateau(factor: 1)).ParamName);
    }

    [Fact]
    public void ToString_ListsArguments()
        => Assert.Equal("Plateau(monitor: score, factor: 0.1, patience: 10, mode: min, epsilon: 0.0001, cooldown: 0, minLr: 0)", new Plateau().ToString());
}
