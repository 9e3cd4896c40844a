using System.Globalization;

namespace BigDL.Distributed.Transport;

/// <summary>One rank's <see cref="IRankTransport"/> on an in-memory network; sent payloads are copied (into buffers the receiver hands back), so the sender may reuse its own.</summary>
internal sealed class InMemoryRankTransport(InMemoryMailboxes mailboxes, int rank) : IRankTransport
{
    private int _lostPeer = -1;
    private int _disposed;

    public int Rank { get; } = rank;

    public int WorldSize => mailboxes.WorldSize;

    public ValueTask SendAsync(int destination, FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        SendArguments.Require(Rank, WorldSize, destination, header);
        cancellation.ThrowIfCancellationRequested();
        if (mailboxes.IsGone(destination)) throw Lost(destination);
        var copy = mailboxes.Payloads(destination).Rent(payload.Length).AsMemory(0, payload.Length);
        payload.CopyTo(copy);
        mailboxes.Post(destination, InMemoryDelivery.Of(new Frame(header, copy)));
        return ValueTask.CompletedTask;
    }

    public void Release(ReadOnlyMemory<byte> payload) => mailboxes.Payloads(Rank).Return(payload);

    public async ValueTask<Frame> ReceiveAsync(CancellationToken cancellation = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_lostPeer >= 0) throw Lost(_lostPeer);
        var delivery = await mailboxes.TakeAsync(Rank, cancellation).ConfigureAwait(false);
        if (delivery.GoneRank < 0) return delivery.Frame;
        _lostPeer = delivery.GoneRank;
        throw Lost(_lostPeer);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0) mailboxes.Leave(Rank);
        return ValueTask.CompletedTask;
    }

    private PeerLostException Lost(int peer)
        => new(peer, string.Create(CultureInfo.InvariantCulture, $"rank {Rank}: peer rank {peer} has left the job (in-memory network of {WorldSize} ranks)"));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"InMemoryRankTransport(rank {Rank} of {WorldSize})");
}
