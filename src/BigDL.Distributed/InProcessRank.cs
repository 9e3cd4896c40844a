using System.Numerics;
using BigDL.DataSets;
using BigDL.Distributed.Transport;
using BigDL.Optim;

namespace BigDL.Distributed;

/// <summary>
/// One rank of an in-process job: its model replicas (the local optimizer's, one per core of the rank) compute the
/// gradient of its share of the global batch, then its all-reduce exchanges slices with the other ranks. A rank that
/// fails leaves the network, so its peers stop with a <see cref="PeerLostException"/> instead of waiting for it.
/// </summary>
internal sealed class InProcessRank<T>(ModelReplicas<T> replicas, AllReduceParameter<T> allReduce, IRankTransport transport)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The rank's replicas (rank 0's model is the user's model).</summary>
    public ModelReplicas<T> Replicas => replicas;

    /// <summary>The rank's all-reduce, with its slice's optim method.</summary>
    public AllReduceParameter<T> AllReduce => allReduce;

    /// <summary>Trains on <paramref name="share"/> (null: this rank has no record of this batch) in iteration <paramref name="iteration"/> of <paramref name="epoch"/>.</summary>
    public async Task<AllReduceResult> StepAsync(MiniBatch<T>? share, int epoch, int iteration)
    {
        try
        {
            double loss = share is null ? 0 : replicas.ComputeGradient(share);
            allReduce.Method.State.Epoch = epoch;
            return await allReduce.StepAsync(iteration, loss, share?.Size ?? 0).ConfigureAwait(false);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
