using System.Numerics;
using System.Runtime.ExceptionServices;
using BigDL.DataSets;
using BigDL.Distributed.Transport;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed;

/// <summary>
/// BigDL's <c>DistriOptimizer</c>: synchronous mini-batch SGD over <see cref="Ranks"/> ranks. Every global mini-batch
/// is cut into one contiguous share per rank (any batch size; shares differ by at most one record and are weighted by
/// their records); each rank computes its share's gradient on its <see cref="CoresPerRank"/> replicas, then the ranks'
/// <see cref="AllReduceParameter{T}"/> sums the gradients slice by slice at the slices' owners, each owner updates its
/// slice with its own copy of the optim method, and the updated slices are gathered by every rank.
/// </summary>
/// <remarks>
/// Rank 0's model is the model given, so it holds the trained weights at the end; the optim method given is the
/// prototype each owner copies for its slice; its state's counters (epoch, iteration, loss) follow the run, and the
/// owners' state shards are gathered back into it when training ends (so a local run can continue exactly).
/// Triggers, events and training summaries behave as in the local optimizer; validation is computed by every rank on
/// its share of each validation batch and merged. The replicas' running statistics (batch normalisation's) are averaged
/// over all ranks at the end of every epoch, before validating and when training ends, so every replica then holds the same model.
/// Checkpoints and resuming are refused here: <see cref="DistributedOptimizer.LocalCluster{T}"/> (worker processes) has them.
/// With <see cref="SetDropModuleProperty"/> (BigDL's drop-slow, off by default) late replicas are left out of iterations;
/// <see cref="DropStatistics"/> says how often.
/// </remarks>
public sealed class DistributedOptimizer<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private InProcessRank<T>[]? _ranks;

    internal DistributedOptimizer(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion, int ranks, int coresPerRank, WireCompression compression)
        : base(model, dataset, criterion)
    {
        Ranks = ranks;
        CoresPerRank = coresPerRank;
        _ = compression.DTypeFor<T>(); // refuses an undefined value
        Compression = compression;
    }

    /// <summary>The number of ranks (BigDL's node number).</summary>
    public int Ranks { get; }

    /// <summary>The model replicas of each rank (BigDL's core number).</summary>
    public int CoresPerRank { get; }

    /// <summary>How gradients and weights travel between ranks.</summary>
    public WireCompression Compression { get; private set; }

    /// <summary>BigDL's drop-slow option; null (the default): every replica is waited for.</summary>
    public DropSlowPolicy? DropSlow { get; private set; }

    /// <summary>What drop-slow did in the last training run (all zero while it is off).</summary>
    public DropStatistics DropStatistics { get; private set; }

    /// <summary>Compresses gradients and weights on the wire with <paramref name="compression"/>.</summary>
    public DistributedOptimizer<T> SetCompression(WireCompression compression)
    {
        _ = compression.DTypeFor<T>(); // refuses an undefined value
        Compression = compression;
        return this;
    }

    /// <summary>Leaves late replicas out of iterations as <paramref name="policy"/> says (null: waits for all, the default).</summary>
    public DistributedOptimizer<T> SetDropSlow(DropSlowPolicy? policy)
    {
        DropSlow = policy;
        return this;
    }

    /// <summary>BigDL's <c>setDropModuleProperty</c>: <see cref="SetDropSlow"/> with a <see cref="DropSlowPolicy"/> of these numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range (see <see cref="DropSlowPolicy"/>).</exception>
    public DistributedOptimizer<T> SetDropModuleProperty(double dropPercentage, double maxDropPercentage, int batchSize = 100, int warmupIteration = 200) =>
        SetDropSlow(new DropSlowPolicy(dropPercentage, maxDropPercentage, batchSize, warmupIteration));

    /// <inheritdoc/>
    protected override Module<T> Run(CancellationToken cancellation)
    {
        RequireSupported();
        if (DataSet.Size == 0) throw new InvalidOperationException("the training data set has no records");
        var transports = InMemoryNetwork.Create(Ranks);
        var ranks = new List<InProcessRank<T>>();
        DropStatistics = default;
        try
        {
            CreateRanks(transports, ranks);
            var model = Train([.. ranks], cancellation);
            var trainers = ranks.Select(r => r.Trainer).ToArray();
            OptimMethodShards.Gather(OptimMethod, [.. trainers.Select(t => t.AllReduce.Method)], trainers[0].AllReduce.Slicing);
            return model;
        }
        finally
        {
            foreach (var transport in transports) transport.DisposeAsync().AsTask().GetAwaiter().GetResult();
            foreach (var rank in ranks) rank.Trainer.Dispose();
        }
    }

    private void RequireSupported()
    {
        if (Checkpoint is not null || ResumeCheckpoint is not null)
            throw new NotSupportedException("the in-process distributed optimizer does not write or resume checkpoints; DistributedOptimizer.LocalCluster (worker processes) does");
        OptimMethodShards.RequireElementWise(OptimMethod);
    }

    /// <summary>Adds every rank's trainer to <paramref name="ranks"/> as it is made (so a failure part-way leaves the made ones to dispose).</summary>
    private void CreateRanks(IRankTransport[] transports, List<InProcessRank<T>> ranks)
    {
        for (int r = 0; r < Ranks; r++)
        {
            var trainer = RankTrainer<T>.Create(transports[r], r == 0 ? Model : Model.CloneModule(), r == 0 ? Criterion : Criterion.CloneCriterion(), OptimMethod,
                CoresPerRank, Compression, Clipping, generation: 0, DropSlow is { } policy ? new StragglerThreshold(policy) : null);
            ranks.Add(new InProcessRank<T>(trainer, transports[r]));
        }
    }

    /// <summary>The shared training loop, each step on every rank at once.</summary>
    private Module<T> Train(InProcessRank<T>[] ranks, CancellationToken cancellation)
    {
        var state = OptimMethod.State;
        var straggler = ranks[0].Trainer.Straggler;
        _ranks = ranks;
        try
        {
            return Train(0, batch =>
            {
                var result = OnEveryRank(ranks, r => ranks[r].RunAsync(t => t.StepAsync(BatchShares.Of(batch, ranks.Length, r), state.Epoch, state.Iteration)))[0];
                state.Iteration++;
                DropStatistics = DropStatistics.Add(result, straggler?.ThresholdSeconds);
                return (result.Loss, result.LearningRate);
            }, cancellation);
        }
        finally
        {
            _ranks = null;
        }
    }

    /// <summary>Averages the running statistics over every replica of every rank (the weights are the same on all already).</summary>
    private protected override void Synchronize()
    {
        var ranks = _ranks!;
        int iteration = OptimMethod.State.Iteration;
        OnEveryRank(ranks, r => ranks[r].RunAsync(async t =>
        {
            await t.AverageExtraParametersAsync(iteration).ConfigureAwait(false);
            return true;
        }));
    }

    /// <summary>Every rank scores its share of each validation batch; the ranks' results are merged.</summary>
    private protected override ValidationResult[]? Score(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods)
    {
        var ranks = _ranks!;
        var byRank = new ValidationResult[]?[ranks.Length];
        foreach (var rank in ranks) rank.Trainer.Replicas.SetTraining(false);
        try
        {
            foreach (var batch in data.Data(train: false))
            {
                OnEveryRank(ranks, r =>
                {
                    if (BatchShares.Of(batch, ranks.Length, r) is { } share) byRank[r] = RankScores.Merge([byRank[r], ranks[r].Trainer.Replicas.Score([share], methods)]);
                    return Task.FromResult(true);
                });
            }
            return RankScores.Merge(byRank);
        }
        finally
        {
            foreach (var rank in ranks) rank.Trainer.Replicas.SetTraining(true);
        }
    }

    /// <summary>Runs <paramref name="work"/> for every rank at once and returns the results by rank; on failure rethrows the root cause, not a peer's loss of it.</summary>
    private static TResult[] OnEveryRank<TResult>(InProcessRank<T>[] ranks, Func<int, Task<TResult>> work)
    {
        var tasks = new Task<TResult>[ranks.Length];
        for (int r = 0; r < ranks.Length; r++)
        {
            int rank = r;
            tasks[r] = Task.Run(() => work(rank));
        }
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException)
        {
            var errors = tasks.Where(s => s.IsFaulted).Select(s => s.Exception!.InnerException!).ToList();
            ExceptionDispatchInfo.Throw(errors.FirstOrDefault(e => e is not PeerLostException) ?? errors[0]);
        }
        return [.. tasks.Select(t => t.Result)];
    }
}
