namespace BigDL.Distributed.Data;

/// <summary>
/// A read-only pass-through stream that remembers whether a read found the end of its inner stream. An Arrow stream
/// reader treats the end of its input at a message boundary like the end-of-stream marker; this tells the two apart.
/// </summary>
internal sealed class EndWatchingStream(Stream inner) : Stream
{
    /// <summary>True once a read of at least one byte returned none.</summary>
    public bool SawEnd { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Watch(inner.Read(buffer), buffer.Length);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        => Watch(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Length);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Watch(int read, int requested)
    {
        if (read == 0 && requested > 0) SawEnd = true;
        return read;
    }
}
