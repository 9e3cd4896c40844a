using BigDL.Optim;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class MultiStepTests
{
    [Fact]
    public void Rates_DecayAtEachListedIteration()
        // Decays at n = 2 and n = 5: 0.1 for n < 2, 0.01 for 2 ≤ n < 5, 0.001 after.
        => AssertRates([0.1, 0.1, 0.1 * 0.1, 0.1 * 0.1, 0.1 * 0.1, 0.1 * 0.1 * 0.1, 0.1 * 0.1 * 0.1], Rates(new MultiStep([2, 5], 0.1), 7));

    [Fact]
    public void Constructor_StepsNotIncreasing_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => new MultiStep([5, 2], 0.1));
        Assert.Equal("stepSizes", e.ParamName);
        Assert.Contains("got [5, 2]", e.Message);
        Assert.Throws<ArgumentException>(() => new MultiStep([], 0.1));
    }

    [Fact]
    public void StepSizes_IsACopyOfTheArgument()
    {
        int[] steps = [2, 5];
        var schedule = new MultiStep(steps, 0.1);
        steps[0] = 100;
        Assert.Equal([2, 5], schedule.StepSizes);
    }

    [Fact]
    public void ToString_ListsArguments() => Assert.Equal("MultiStep(stepSizes: [2, 5], gamma: 0.1)", new MultiStep([2, 5], 0.1).ToString());
}
