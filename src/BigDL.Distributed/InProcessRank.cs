using System.Numerics;
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

    /// <summary>Runs <paramref name="work"/> (a step, a collective) on the rank's trainer; when it fails, the rank leaves the network.</summary>
    public async Task<TResult> RunAsync<TResult>(Func<RankTrainer<T>, ValueTask<TResult>> work)
    {
        try
        {
            return await work(trainer).ConfigureAwait(false);
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
