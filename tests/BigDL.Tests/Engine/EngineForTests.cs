// Namespace BigDL.Tests, not BigDL.Tests.Engine: a namespace named Engine would hide the BigDL.Engine class.
namespace BigDL.Tests;

/// <summary>The Engine's parallel loop: every item once, nested loops inline, errors as thrown, any core number.</summary>
[Collection(ProcessWideSettings.Name)]
public class EngineForTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(2, 1000)]
    [InlineData(3, 17)]
    public void For_AnyCoreNumber_RunsEveryItemExactlyOnce(int cores, int count)
    {
        EngineCores.With(cores, () =>
        {
            var runs = new int[count];
            Engine.For(count, i => Interlocked.Increment(ref runs[i]));
            Assert.All(runs, r => Assert.Equal(1, r));
        });
    }

    [Fact]
    public void For_TwoCores_UsesTwoThreadsAndMarksThemAsWorkers()
    {
        EngineCores.With(2, () =>
        {
            var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
            using var bothStarted = new CountdownEvent(2);
            Engine.For(2, _ =>
            {
                threads[Environment.CurrentManagedThreadId] = Engine.OnWorker;
                bothStarted.Signal();
                Assert.True(bothStarted.Wait(TimeSpan.FromSeconds(10)), "the second item never ran alongside the first");
            });
            Assert.Equal(2, threads.Count);
            Assert.All(threads.Values, Assert.True);
            Assert.False(Engine.OnWorker);
        });
    }

    [Fact]
    public void For_NestedLoop_RunsInlineOnTheWorkersThread()
    {
        EngineCores.With(2, () =>
        {
            var mismatches = 0;
            Engine.For(4, _ =>
            {
                int outer = Environment.CurrentManagedThreadId;
                Engine.For(8, _ =>
                {
                    if (Environment.CurrentManagedThreadId != outer) Interlocked.Increment(ref mismatches);
                });
            });
            Assert.Equal(0, mismatches);
        });
    }

    [Fact]
    public void For_ItemThrows_RethrowsTheOriginalExceptionAndStaysUsable()
    {
        EngineCores.With(2, () =>
        {
            var e = Assert.Throws<ArgumentException>(() => Engine.For(10, i =>
            {
                if (i == 7) throw new ArgumentException("item 7 failed", "input");
            }));
            Assert.Equal("input", e.ParamName);
            int sum = 0;
            Engine.For(10, i => Interlocked.Add(ref sum, i));
            Assert.Equal(45, sum);
        });
    }

    [Fact]
    public void For_FromTwoUserThreadsAtOnce_BothComplete()
    {
        EngineCores.With(2, () =>
        {
            long a = 0, b = 0;
            var first = Task.Run(() => { for (int r = 0; r < 200; r++) Engine.For(16, i => Interlocked.Add(ref a, i)); });
            var second = Task.Run(() => { for (int r = 0; r < 200; r++) Engine.For(16, i => Interlocked.Add(ref b, i)); });
            Assert.True(Task.WaitAll([first, second], TimeSpan.FromSeconds(60)), "loops from two threads did not finish");
            Assert.Equal(200 * 120, a);
            Assert.Equal(200 * 120, b);
        });
    }

    [Fact]
    public void For_AfterCoreNumberChanges_UsesTheNewNumber()
    {
        EngineCores.With(3, () =>
        {
            var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, byte>();
            using var allStarted = new CountdownEvent(3);
            Engine.For(3, _ =>
            {
                threads[Environment.CurrentManagedThreadId] = 0;
                allStarted.Signal();
                Assert.True(allStarted.Wait(TimeSpan.FromSeconds(10)), "three items never ran at once on three cores");
            });
            Assert.Equal(3, threads.Count);
        });
    }
}
