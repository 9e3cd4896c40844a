using BigDL.Optim;

namespace BigDL.Tests.Optim;

public class TriggerTests
{
    private static TrainingState State(int epoch = 1, int iteration = 1, bool epochCompleted = false, double? loss = null, double? score = null) =>
        new(epoch, iteration, epochCompleted, loss, score);

    [Fact]
    public void EveryEpoch_FiresOnlyAfterTheLastIterationOfAnEpoch()
    {
        Assert.False(Trigger.EveryEpoch.Fires(State(1, 5)));
        Assert.True(Trigger.EveryEpoch.Fires(State(2, 6, epochCompleted: true)));
    }

    [Fact]
    public void SeveralIteration_FiresAfterEveryNCompletedIterations()
    {
        var every3 = Trigger.SeveralIteration(3);
        var fired = Enumerable.Range(1, 10).Where(i => every3.Fires(State(iteration: i))).ToArray();
        Assert.Equal([4, 7, 10], fired); // Iteration is the next one's number: 3, 6 and 9 are done there
    }

    [Fact]
    public void MaxEpochAndMaxIteration_FireOnceTheCountIsReached()
    {
        Assert.False(Trigger.MaxEpoch(2).Fires(State(epoch: 2)));
        Assert.True(Trigger.MaxEpoch(2).Fires(State(epoch: 3)));
        Assert.False(Trigger.MaxIteration(10).Fires(State(iteration: 10)));
        Assert.True(Trigger.MaxIteration(10).Fires(State(iteration: 11)));
    }

    [Fact]
    public void MinLossAndMaxScore_CompareTheLastValuesAndNeverFireWithoutThem()
    {
        Assert.True(Trigger.MinLoss(0.5).Fires(State(loss: 0.4)));
        Assert.False(Trigger.MinLoss(0.5).Fires(State(loss: 0.6)));
        Assert.False(Trigger.MinLoss(0.5).Fires(State()));
        Assert.True(Trigger.MaxScore(0.9).Fires(State(score: 0.95)));
        Assert.False(Trigger.MaxScore(0.9).Fires(State()));
    }

    [Fact]
    public void AndOr_CombineAndPrint()
    {
        var both = Trigger.And(Trigger.MaxEpoch(1), Trigger.MinLoss(1));
        var either = Trigger.Or(Trigger.MaxEpoch(1), Trigger.MinLoss(1));
        Assert.False(both.Fires(State(epoch: 2, loss: 2)));
        Assert.True(both.Fires(State(epoch: 2, loss: 0.5)));
        Assert.True(either.Fires(State(epoch: 2, loss: 2)));
        Assert.False(either.Fires(State(epoch: 1, loss: 2)));
        Assert.Equal("and(maxEpoch(1), minLoss(1))", both.ToString());
        Assert.Throws<ArgumentException>(() => Trigger.Or());
    }

    [Fact]
    public void Factories_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Trigger.SeveralIteration(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Trigger.MaxEpoch(-1));
    }
}
