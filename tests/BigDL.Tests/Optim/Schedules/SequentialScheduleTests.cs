using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.ScheduleTesting;

namespace BigDL.Tests.Optim;

public class SequentialScheduleTests
{
    [Fact]
    public void Rates_WarmupThenPoly_FollowBigDLsCounting()
    {
        // BigDL's SGDSpec: Warmup(0.3) for 3 iterations then Poly(3, 100) from lr 0.1. The warm-up serves n = 0…3
        // (0.1, 0.4, 0.7, 1.0); Poly starts from the 1.0 it ended with and counts n from the start: 1·(1 − n/100)³.
        var schedule = new SequentialSchedule(100).Add(new Warmup(0.3), 3).Add(new Poly(3, 100), 100);
        var rates = Rates(schedule, 6);
        AssertRates([0.1, 0.1 + 0.3, 0.1 + 0.6, 0.1 + 0.3 * 3, Math.Pow(1 - 0.04, 3) * (0.1 + 0.3 * 3), Math.Pow(1 - 0.05, 3) * (0.1 + 0.3 * 3)], rates);
    }

    [Fact]
    public void Rates_EpochScheduleAfterWarmup_CountsEpochsFromItsStart()
    {
        // Two iterations per epoch. Warmup(0.1) for 3 serves n = 0…3; EpochStep(1, 0.5) then starts from 0.4 with
        // 3 / 2 = 1 epoch excluded: at n = 4, 5 (epoch 3, its epoch 2) the rate is 0.4·0.5², at n = 6 (its epoch 3) 0.4·0.5³.
        var schedule = new SequentialSchedule(2).Add(new Warmup(0.1), 3).Add(new EpochStep(1, 0.5), 10);
        var rates = Rates(schedule, 7, iterationsPerEpoch: 2);
        double top = 0.1 + 0.1 * 3;
        AssertRates([0.1, 0.1 + 0.1, 0.1 + 0.2, top, top * 0.5 * 0.5, top * 0.5 * 0.5, top * 0.5 * 0.5 * 0.5], rates);
    }

    [Fact]
    public void Rates_PastTheLastSchedule_ContinueWithIt()
    {
        var schedule = new SequentialSchedule(10, [(new Default(), 1), (new Warmup(0.1), 1)]);
        // Default serves n = 0, 1; Warmup from 0.1 counts from 1: n = 2 → 0.2, and on past its end: n = 3 → 0.3, n = 4 → 0.4.
        AssertRates([0.1, 0.1, 0.1 + 0.1, 0.1 + 0.2, 0.1 + 0.1 * 3], Rates(schedule, 5));
    }

    [Fact]
    public void NestedPlateau_KeepsItsCountersUnderItsPosition()
    {
        var schedule = new SequentialSchedule(1).Add(new Default(), 1).Add(new Plateau(patience: 0), 10);
        var sgd = new SGD<double>(0.1, learningRateSchedule: schedule);
        var x = new Tensor<double>(1);
        for (int epoch = 1; epoch <= 4; epoch++)
        {
            sgd.State.Epoch = epoch;
            sgd.State.Score = 1;
            sgd.Optimize(_ => (0, new Tensor<double>(1)), x);
        }
        Assert.Equal(1, sgd.State.Scalars["sequential.index"]);
        Assert.True(sgd.State.Scalars.ContainsKey("sequential1.plateau.best"));
        Assert.False(sgd.State.Scalars.ContainsKey("plateau.best"));
    }

    [Fact]
    public void Clone_CopiesTheList()
    {
        var schedule = new SequentialSchedule(5).Add(new Warmup(0.1), 2);
        var copy = (SequentialSchedule)schedule.Clone();
        schedule.Add(new Default(), 3);
        Assert.Single(copy.Schedules);
        Assert.NotSame(schedule.Schedules[0].Schedule, copy.Schedules[0].Schedule);
    }

    [Fact]
    public void UpdateHyperParameter_Empty_Throws()
        => Assert.Contains("no schedules", Assert.Throws<InvalidOperationException>(
            () => new SGD<double>(learningRateSchedule: new SequentialSchedule(1)).UpdateHyperParameter()).Message);

    [Fact]
    public void Add_NonPositiveIterations_Throws()
        => Assert.Equal("maxIteration", Assert.Throws<ArgumentOutOfRangeException>(() => new SequentialSchedule(1).Add(new Default(), 0)).ParamName);

    [Fact]
    public void ToString_ListsTheSchedules()
        => Assert.Equal("SequentialSchedule(iterationPerEpoch: 100, [Warmup(delta: 0.3) for 3, Poly(power: 3, maxIteration: 100) for 100])",
            new SequentialSchedule(100).Add(new Warmup(0.3), 3).Add(new Poly(3, 100), 100).ToString());
}
