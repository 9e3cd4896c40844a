using BigDL.Distributed.Transport;

namespace BigDL.Benchmarks;

/// <summary>A rank transport that counts the bytes its rank puts on the wire: each frame's header and payload.</summary>
internal sealed class CountingTransport(IRankTransport inner) : IRankTransport
{
    private long _bytesSent;

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public int Rank => inner.Rank;

    public int WorldSize => inner.WorldSize;

    public ValueTask SendAsync(int destination, FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation = default)
    {
        Interlocked.Add(ref _bytesSent, FrameHeader.Size + payload.Length);
        return inner.SendAsync(destination, header, payload, cancellation);
    }

    public ValueTask<Frame> ReceiveAsync(CancellationToken cancellation = default) => inner.ReceiveAsync(cancellation);

    public void Release(ReadOnlyMemory<byte> payload) => inner.Release(payload);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
