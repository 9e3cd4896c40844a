using BigDL.Optim;

namespace BigDL.Tests.Optim;

/// <summary>The planned end a trigger exposes (what a progress bar counts towards), for each trigger and combination.</summary>
public sealed class TriggerLimitTests
{
    public static TheoryData<string, Trigger, int?, int?> Cases => new()
    {
        { "maxEpoch", Trigger.MaxEpoch(3), 3, null },
        { "maxIteration", Trigger.MaxIteration(250), null, 250 },
        { "everyEpoch", Trigger.EveryEpoch, null, null },
        { "severalIteration", Trigger.SeveralIteration(10), null, null },
        { "minLoss", Trigger.MinLoss(0.1), null, null },
        { "maxScore", Trigger.MaxScore(0.9), null, null },
        { "or: the first bound", Trigger.Or(Trigger.MaxEpoch(5), Trigger.MaxEpoch(3)), 3, null },
        { "or: an unbounded part still ends by the bounded one", Trigger.Or(Trigger.MaxEpoch(4), Trigger.MinLoss(0.1)), 4, null },
        { "or: both kinds", Trigger.Or(Trigger.MaxEpoch(4), Trigger.MaxIteration(100)), 4, 100 },
        { "and: the last bound", Trigger.And(Trigger.MaxEpoch(3), Trigger.MaxEpoch(5)), 5, null },
        { "and: an unbounded part leaves no bound", Trigger.And(Trigger.MaxEpoch(3), Trigger.MinLoss(0.1)), null, null },
        { "and: different kinds bound neither", Trigger.And(Trigger.MaxEpoch(3), Trigger.MaxIteration(100)), null, null },
        { "nested", Trigger.Or(Trigger.And(Trigger.MaxIteration(10), Trigger.MaxIteration(20)), Trigger.MaxScore(0.5)), null, 20 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Limits_MatchWhereTheTriggerFiresAtTheLatest(string name, Trigger trigger, int? epochs, int? iterations)
    {
        Assert.True(trigger.EpochLimit == epochs, $"{name}: epoch limit {trigger.EpochLimit}, expected {epochs}");
        Assert.True(trigger.IterationLimit == iterations, $"{name}: iteration limit {trigger.IterationLimit}, expected {iterations}");
    }

    [Fact]
    public void Limits_AreBoundsOfFires_MaxEpochFiresOnceItsLimitIsDone()
    {
        var trigger = Trigger.MaxEpoch(2);
        Assert.False(trigger.Fires(new TrainingState(trigger.EpochLimit!.Value, 10, false, null, null)));
        Assert.True(trigger.Fires(new TrainingState(trigger.EpochLimit.Value + 1, 11, true, null, null)));
    }
}
