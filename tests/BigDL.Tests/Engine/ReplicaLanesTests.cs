using System.Diagnostics;

// Namespace BigDL.Tests, not BigDL.Tests.Engine: a namespace named Engine would hide the BigDL.Engine class.
namespace BigDL.Tests;

/// <summary>The drop-slow lanes: the caller stops waiting at the deadline, late items finish later and in order, errors reach the caller.</summary>
public class ReplicaLanesTests
{
    private static long In(TimeSpan span) => Stopwatch.GetTimestamp() + (long)(span.TotalSeconds * Stopwatch.Frequency);

    [Fact]
    public void WaitUntil_ALateLane_ReturnsAtTheDeadlineWithTheOthersDone()
    {
        using var lanes = new ReplicaLanes(3);
        using var release = new ManualResetEventSlim();
        var ran = new int[3];
        lanes.Start(0, () => ran[0]++);
        lanes.Start(1, () =>
        {
            release.Wait();
            ran[1]++;
        });
        lanes.Start(2, () => ran[2]++);
        var done = new bool[3];

        lanes.WaitUntil(In(TimeSpan.FromMilliseconds(200)), done);

        Assert.Equal([true, false, true], done);
        Assert.Equal(0, ran[1]);
        release.Set();
        lanes.WaitIdle();
        Assert.Equal([1, 1, 1], ran);
    }

    [Fact]
    public void Start_OnALaneStillBusy_RunsAfterTheLateItemOnTheSameThread()
    {
        using var lanes = new ReplicaLanes(1);
        using var release = new ManualResetEventSlim();
        var order = new List<string>();
        var threads = new HashSet<int>();
        lanes.Start(0, () =>
        {
            release.Wait();
            lock (order) order.Add("late");
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
        });
        lanes.Start(0, () =>
        {
            lock (order) order.Add("next");
            lock (threads) threads.Add(Environment.CurrentManagedThreadId);
        });
        var done = new bool[1];
        lanes.WaitUntil(In(TimeSpan.FromMilliseconds(50)), done);
        Assert.False(done[0]);

        release.Set();
        lanes.WaitIdle();

        Assert.Equal(["late", "next"], order);
        Assert.Single(threads);
    }

    [Fact]
    public void Items_RunAsEngineWorkers_SoTheirLoopsStayOnTheLane()
    {
        using var lanes = new ReplicaLanes(1);
        bool onWorker = false;
        int otherThreads = 0;
        lanes.Start(0, () =>
        {
            onWorker = Engine.OnWorker;
            int lane = Environment.CurrentManagedThreadId;
            Engine.For(16, _ =>
            {
                if (Environment.CurrentManagedThreadId != lane) Interlocked.Increment(ref otherThreads);
            });
        });
        lanes.WaitIdle();

        Assert.True(onWorker);
        Assert.Equal(0, otherThreads);
    }

    [Fact]
    public void WaitIdle_AnItemThrew_RethrowsItsException()
    {
        using var lanes = new ReplicaLanes(2);
        lanes.Start(1, () => throw new InvalidOperationException("replica 1 broke"));

        Assert.Equal("replica 1 broke", Assert.Throws<InvalidOperationException>(lanes.WaitIdle).Message);
        lanes.WaitIdle(); // reported once
    }

    [Fact]
    public void Start_AfterDispose_Throws()
    {
        var lanes = new ReplicaLanes(1);
        lanes.Dispose();

        Assert.Throws<ObjectDisposedException>(() => lanes.Start(0, () => { }));
    }
}
