using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>Drives SGD with a schedule the way a training loop does and records the learning rate of each iteration.</summary>
internal static class ScheduleTesting
{
    /// <summary>
    /// The rates of the first <paramref name="count"/> iterations: before each, the loop sets the epoch (every
    /// <paramref name="iterationsPerEpoch"/> iterations) and, at each new epoch, the score of the epoch that ended;
    /// then it calls UpdateHyperParameter, reads the rate, and runs one Optimize (which updates again, harmlessly).
    /// </summary>
    public static double[] Rates(LearningRateSchedule schedule, int count, double learningRate = 0.1, double learningRateDecay = 0,
        int iterationsPerEpoch = 1_000_000, Func<int, double>? scoreOfEpoch = null, double loss = 1)
    {
        var sgd = new SGD<double>(learningRate, learningRateDecay, learningRateSchedule: schedule);
        var x = new Tensor<double>(1);
        var gradient = new Tensor<double>(1);
        var rates = new double[count];
        for (int i = 0; i < count; i++)
        {
            int epoch = 1 + i / iterationsPerEpoch;
            if (epoch != sgd.State.Epoch && scoreOfEpoch is not null) sgd.State.Score = scoreOfEpoch(sgd.State.Epoch);
            sgd.State.Epoch = epoch;
            sgd.UpdateHyperParameter();
            rates[i] = sgd.CurrentLearningRate;
            sgd.Optimize(_ => (loss, gradient), x);
            Assert.Equal(rates[i], sgd.CurrentLearningRate);
        }
        return rates;
    }

    /// <summary>Asserts two rate sequences agree to 1e-15 relative.</summary>
    public static void AssertRates(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-15 * Math.Max(1, Math.Abs(expected[i])), $"iteration {i + 1}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
