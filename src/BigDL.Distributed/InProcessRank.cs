using System.Numerics;
using BigDL.DataSets;
using BigDL.Distributed.Transport;

namespace BigDL.Distributed;

/// <summary>
/// One rank of an in-process job: its <see cref="RankTrainer{T}"/> over an in-memory transport. A rank that fails
/// leaves the network, so its peers stop with a <see cref="PeerLostException"/> instead of waiting for it.
/// </summary>
internal sealed class InProcessRank<T>(RankTrainer<T> trainer, IRankTransport transport)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The rank's trainer.</summary>
    public RankTrainer<T> Trainer => trainer;

    /// <summary>Trains on <paramref name="share"/> (null: this rank has no record of this batch) in iteration <paramref name="iteration"/> of <paramref name="epoch"/>.</summary>
    public async Task<AllReduceResult> StepAsync(MiniBatch<T>? share, int epoch, int iteration)
    {
        try
        {
            return await trainer.StepAsync(share, epoch, iteration).ConfigureAwait(false);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
