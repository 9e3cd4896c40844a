using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed;

/// <summary>
/// What every rank does each iteration, in a worker process and in an in-process job alike: its replicas compute the
/// gradient of its share of the global batch (with drop-slow, those in time by the learned threshold), then its
/// all-reduce exchanges slices with the other ranks; at the end of each drop-slow window the ranks learn the next
/// threshold from all their replica times.
/// </summary>
internal sealed class RankTrainer<T>(ModelReplicas<T> replicas, AllReduceParameter<T> allReduce, StragglerThreshold? straggler) : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The rank's replicas (rank 0's model is the model trained).</summary>
    public ModelReplicas<T> Replicas => replicas;

    /// <summary>The model's flat weights, the same on every rank after each step.</summary>
    public Tensor<T> Weights => replicas.Weights;

    /// <summary>The rank's all-reduce, with its slice's optim method.</summary>
    public AllReduceParameter<T> AllReduce => allReduce;

    /// <summary>The rank's copy of the drop-slow threshold; null when drop-slow is off.</summary>
    public StragglerThreshold? Straggler => straggler;

    /// <summary>
    /// The replicas and all-reduce for <paramref name="model"/> on this rank: its slice's copy of <paramref name="method"/>,
    /// droppable replicas and the all-reduce's update floor when <paramref name="dropSlow"/> is set.
    /// </summary>
    public static RankTrainer<T> Create(Transport.IRankTransport transport, Module<T> model, Criterion<T> criterion, OptimMethod<T> method, int cores,
        WireCompression compression, GradientClipping clipping, int generation, StragglerThreshold? dropSlow)
    {
        var replicas = new ModelReplicas<T>(model, criterion, cores, droppable: dropSlow is not null);
        replicas.SetTraining(true);
        var slicing = new ParameterSlicing(replicas.Weights.NElement(), transport.WorldSize);
        var (offset, length) = slicing[transport.Rank];
        var shard = OptimMethodShards.ForSlice(method, offset, length, slicing.ParameterCount);
        var allReduce = new AllReduceParameter<T>(transport, replicas.Weights, replicas.Gradient, shard, compression, criterion.AveragesOverBatch, clipping, generation)
        {
            MinimumContribution = dropSlow is null ? 0 : 1 - dropSlow.Policy.MaxDropPercentage,
        };
        return new RankTrainer<T>(replicas, allReduce, dropSlow);
    }

    /// <summary>Trains on <paramref name="share"/> (null: this rank has no record of this batch) in iteration <paramref name="iteration"/> of <paramref name="epoch"/>.</summary>
    public async ValueTask<AllReduceResult> StepAsync(MiniBatch<T>? share, int epoch, int iteration, CancellationToken cancellation = default)
    {
        var contribution = Compute(share);
        allReduce.Method.State.Epoch = epoch;
        var result = await allReduce.StepAsync(iteration, contribution, cancellation).ConfigureAwait(false);
        if (straggler is not null && straggler.Completed(result))
            straggler.Learn(await allReduce.GatherValuesAsync(iteration, straggler.WindowSeconds.ToArray(), cancellation).ConfigureAwait(false));
        return result;
    }

    /// <summary>
    /// Sets the extra parameters (running statistics) of every replica of every rank to their mean over the ranks of
    /// each rank's mean over its replicas, so that every replica scores and saves the same model; a collective that
    /// every rank calls with the same <paramref name="iteration"/>. Models without extra parameters send nothing.
    /// </summary>
    public async ValueTask AverageExtraParametersAsync(int iteration, CancellationToken cancellation = default)
    {
        var mine = replicas.MeanExtraParameters();
        if (mine.Length == 0) return;
        var all = await allReduce.GatherValuesAsync(iteration, mine, cancellation).ConfigureAwait(false);
        replicas.SetExtraParameters(ExtraParameters.Mean(all, allReduce.Slicing.SliceCount));
    }

    /// <summary>Each of <paramref name="methods"/> over this rank's <paramref name="shares"/> of the validation batches, in evaluation mode; null without records.</summary>
    public ValidationResult[]? Score(IEnumerable<MiniBatch<T>> shares, ValidationMethod<T>[] methods)
    {
        replicas.SetTraining(false);
        try
        {
            return replicas.Score(shares, methods);
        }
        finally
        {
            replicas.SetTraining(true);
        }
    }

    /// <summary>Waits for late replicas (their model is then complete, running statistics included) and lets their threads end.</summary>
    public void Dispose() => replicas.Dispose();

    private RankContribution Compute(MiniBatch<T>? share)
    {
        if (share is null) return new RankContribution(0, 0, 0, 0);
        if (straggler is null) return new RankContribution(replicas.ComputeGradient(share), share.Size, share.Size, 0);
        var step = replicas.ComputeGradient(share, straggler.Timeout);
        straggler.Record(step.Seconds);
        return new RankContribution(step.Loss, step.Records, share.Size, step.Dropped);
    }
}
