using System.Globalization;
using System.Net.Sockets;
using System.Threading.Channels;
using System.Buffers.Binary;
using BigDL.Distributed.Transport.Shared;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// The authenticated connection between this rank and one peer: frames written under a lock (ordered, one at a time),
/// one read loop that hands received frames to the transport and then exactly one failure, and the times of the last
/// byte each way for heartbeats and silence.
/// </summary>
internal sealed class TcpLink
{
    /// <summary>The largest payload a frame may carry (1 GiB); a longer one is refused as corrupt.</summary>
    public const int MaxPayload = PayloadPool.MaxPayload;

    // Payloads up to this size travel in one write together with their header.
    private const int SmallFrame = 16 * 1024;
    private const int ReadBufferSize = 64 * 1024;
    private const int SocketBufferSize = 4 * 1024 * 1024;

    // A frame whose payload lies in shared memory carries its slot and length.
    private const int SharedDescriptor = 8;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly byte[] _sendBuffer = new byte[FrameHeader.Size + SmallFrame];
    private readonly int _rank;
    private readonly string _peer;
    private Task _reader = Task.CompletedTask;
    private SharedPayloadFile? _outgoing;
    private SharedPayloadFile? _incoming;
    private string? _cause;
    private long _lastReceived;
    private long _lastSent;

    /// <summary>A link of this <paramref name="rank"/> over <paramref name="socket"/> (through its handshake) to <paramref name="peerRank"/>; it owns the socket.</summary>
    public TcpLink(Socket socket, int rank, int peerRank)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _rank = rank;
        PeerRank = peerRank;
        _peer = string.Create(CultureInfo.InvariantCulture, $"peer rank {peerRank} ({socket.RemoteEndPoint})");
        _lastReceived = _lastSent = Environment.TickCount64;
    }

    /// <summary>The rank at the other end, as its handshake proved.</summary>
    public int PeerRank { get; }

    /// <summary>Sets the options every mesh socket uses: no Nagle delay, large buffers.</summary>
    public static void Configure(Socket socket)
    {
        socket.NoDelay = true;
        socket.SendBufferSize = SocketBufferSize;
        socket.ReceiveBufferSize = SocketBufferSize;
    }

    /// <summary>
    /// Starts the read loop, which writes every frame and then the link's failure into <paramref name="inbox"/>; bulk
    /// payloads go through <paramref name="outgoing"/> once the peer has attached to it, and arrive through
    /// <paramref name="incoming"/> when the peer sends them so (both null: the socket carries everything).
    /// </summary>
    public void Start(ChannelWriter<TcpDelivery> inbox, PayloadPool payloads, SharedPayloadFile? outgoing = null, SharedPayloadFile? incoming = null)
    {
        _outgoing = outgoing;
        _incoming = incoming;
        _reader = Task.Run(() => ReadLoopAsync(inbox, payloads));
    }

    /// <summary>Writes one frame after those sent before; <paramref name="payload"/> may be reused once this completes.</summary>
    /// <exception cref="PeerLostException">The link has ended, or ended while writing.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> was requested; if the frame was partly written, the link has ended.</exception>
    public async ValueTask SendAsync(FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        await _sendLock.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            cancellation.ThrowIfCancellationRequested();
            await WriteFrameAsync(header, payload, cancellation).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>
    /// Ends the link if nothing arrived for longer than <paramref name="silence"/>; else sends <paramref name="heartbeat"/>
    /// when nothing was sent for <paramref name="interval"/> and no frame is being written (without waiting for it).
    /// </summary>
    public void Pulse(FrameHeader heartbeat, TimeSpan interval, TimeSpan silence)
    {
        if (Volatile.Read(ref _cause) is not null) return;
        long now = Environment.TickCount64;
        long quiet = now - Volatile.Read(ref _lastReceived);
        if (quiet > silence.TotalMilliseconds)
        {
            End(string.Create(CultureInfo.InvariantCulture, $"was silent for {quiet / 1000.0:0.0##} s (the limit is {silence.TotalSeconds:0.0##} s)"));
            return;
        }
        if (now - Volatile.Read(ref _lastSent) >= interval.TotalMilliseconds && _sendLock.Wait(0)) _ = HeartbeatAsync(heartbeat);
    }

    /// <summary>
    /// Leaves the link: after the frame being written, tells the peer no more frames come (its read loop ends cleanly),
    /// waits up to <paramref name="grace"/> for it to close its side, then closes the socket and waits for the read loop.
    /// </summary>
    public async Task CloseAsync(TimeSpan grace)
    {
        bool locked = await _sendLock.WaitAsync(grace).ConfigureAwait(false);
        bool open = Interlocked.CompareExchange(ref _cause, "was left by this rank", null) is null;
        try
        {
            if (locked && open) _socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already broken: there is nothing left to tell the peer.
        }
        try
        {
            await _reader.WaitAsync(grace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The peer did not close its side in time: closing the socket ends the read loop.
        }
        _stream.Dispose();
        await _reader.ConfigureAwait(false);
        if (locked) _sendLock.Release();
    }

    private async Task HeartbeatAsync(FrameHeader heartbeat)
    {
        try
        {
            await WriteFrameAsync(heartbeat, ReadOnlyMemory<byte>.Empty, CancellationToken.None).ConfigureAwait(false);
        }
        catch (PeerLostException)
        {
            // The link ended; the read loop reports why.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async ValueTask WriteFrameAsync(FrameHeader header, ReadOnlyMemory<byte> payload, CancellationToken cancellation)
    {
        if (Volatile.Read(ref _cause) is { } cause) throw Lost($"cannot send to {_peer}: it {cause}");
        try
        {
            if (payload.Length > SmallFrame && _outgoing is { } shared && SharedSlot(header.Type) is int slot && payload.Length <= shared.SlotBytes && shared.ReceiverAttached)
            {
                await WaitForSlotAsync(shared, slot, cancellation).ConfigureAwait(false);
                shared.Fill(slot, payload.Span);
                header.WriteTo(_sendBuffer, SharedDescriptor, FrameHeader.SharedPayload);
                BinaryPrimitives.WriteInt32LittleEndian(_sendBuffer.AsSpan(FrameHeader.Size), slot);
                BinaryPrimitives.WriteInt32LittleEndian(_sendBuffer.AsSpan(FrameHeader.Size + 4), payload.Length);
                await _stream.WriteAsync(_sendBuffer.AsMemory(0, FrameHeader.Size + SharedDescriptor), cancellation).ConfigureAwait(false);
                Volatile.Write(ref _lastSent, Environment.TickCount64);
                return;
            }
            header.WriteTo(_sendBuffer, payload.Length);
            if (payload.Length <= SmallFrame)
            {
                payload.Span.CopyTo(_sendBuffer.AsSpan(FrameHeader.Size));
                await _stream.WriteAsync(_sendBuffer.AsMemory(0, FrameHeader.Size + payload.Length), cancellation).ConfigureAwait(false);
            }
            else
            {
                await _stream.WriteAsync(_sendBuffer.AsMemory(0, FrameHeader.Size), cancellation).ConfigureAwait(false);
                await _stream.WriteAsync(payload, cancellation).ConfigureAwait(false);
            }
            Volatile.Write(ref _lastSent, Environment.TickCount64);
        }
        catch (OperationCanceledException)
        {
            End("had a frame to it cancelled part-way, so the stream cannot go on");
            throw;
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            End(Describe(e));
            throw Lost($"cannot send to {_peer}: it {Volatile.Read(ref _cause)}", e);
        }
    }

    private async Task ReadLoopAsync(ChannelWriter<TcpDelivery> inbox, PayloadPool payloads)
    {
        var buffer = new byte[ReadBufferSize];
        int start = 0, end = 0;
        try
        {
            while (true)
            {
                while (end - start < FrameHeader.Size)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    (start, end) = (0, end - start);
                    end += await ReadSomeAsync(buffer.AsMemory(end)).ConfigureAwait(false);
                }
                var (header, length, flags) = ReadHeader(buffer.AsSpan(start, FrameHeader.Size));
                start += FrameHeader.Size;
                if (header.Type == FrameType.Heartbeat) continue;
                var payload = payloads.Rent(length).AsMemory(0, length);
                int filled = Math.Min(end - start, length);
                buffer.AsSpan(start, filled).CopyTo(payload.Span);
                start += filled;
                while (filled < length) filled += await ReadSomeAsync(payload[filled..]).ConfigureAwait(false);
                inbox.TryWrite(new TcpDelivery(new Frame(header, flags == 0 ? payload : FromSharedSlot(header, payload, payloads)), null));
            }
        }
        catch (InvalidDataException e)
        {
            End("sent corrupt data");
            inbox.TryWrite(new TcpDelivery(default, new InvalidDataException(Say($"rank {_rank}: refused the stream of {_peer}: {e.Message}"), e)));
        }
        catch (Exception e)
        {
            // EOF, a reset, or the socket closed by this side (silence, leaving); whatever it is, the link is over.
            End(e is EndOfStreamException ? "closed the connection" : Describe(e));
            inbox.TryWrite(new TcpDelivery(default, Lost($"{_peer} {Volatile.Read(ref _cause)}", e)));
        }
    }

    private async ValueTask<int> ReadSomeAsync(Memory<byte> destination)
    {
        int read = await _stream.ReadAsync(destination).ConfigureAwait(false);
        if (read == 0) throw new EndOfStreamException();
        Volatile.Write(ref _lastReceived, Environment.TickCount64);
        return read;
    }

    /// <summary>The payload a shared frame's <paramref name="descriptor"/> (slot, length) points to in the peer's shared file.</summary>
    private ReadOnlyMemory<byte> FromSharedSlot(FrameHeader header, ReadOnlyMemory<byte> descriptor, PayloadPool payloads)
    {
        if (_incoming is null || descriptor.Length != SharedDescriptor || SharedSlot(header.Type) is not int expected)
            throw new InvalidDataException(Say($"expected no shared-memory {header.Type} frame on this link, got one ({descriptor.Length}-byte descriptor)"));
        int slot = BinaryPrimitives.ReadInt32LittleEndian(descriptor.Span), length = BinaryPrimitives.ReadInt32LittleEndian(descriptor.Span[4..]);
        payloads.Return(descriptor);
        if (slot != expected) throw new InvalidDataException(Say($"expected a {header.Type} frame in shared slot {expected}, got slot {slot}"));
        return _incoming.Read(slot, length);
    }

    /// <summary>Waits until the peer has released what it was sent through <paramref name="slot"/> (it has, by the time the all-reduce sends the next one; this only guards).</summary>
    private async ValueTask WaitForSlotAsync(SharedPayloadFile shared, int slot, CancellationToken cancellation)
    {
        var spin = new SpinWait();
        while (shared.IsBusy(slot))
        {
            if (Volatile.Read(ref _cause) is { } cause) throw Lost($"cannot send to {_peer}: it {cause}");
            cancellation.ThrowIfCancellationRequested();
            if (spin.NextSpinWillYield) await Task.Delay(1, cancellation).ConfigureAwait(false);
            else spin.SpinOnce();
        }
    }

    /// <summary>The shared slot of frames of <paramref name="type"/>, or null for frames that always travel on the socket.</summary>
    private static int? SharedSlot(FrameType type) => type switch
    {
        FrameType.GradientSlice => 0,
        FrameType.WeightSlice => 1,
        _ => null,
    };

    private (FrameHeader Header, int Length, byte Flags) ReadHeader(ReadOnlySpan<byte> bytes)
    {
        var (header, length, flags) = FrameHeader.ReadFrom(bytes, FrameHeader.SharedPayload);
        if (header.SourceRank != PeerRank)
            throw new InvalidDataException(Say($"expected frames of source rank {PeerRank} on this link, got a {header.Type} frame of source rank {header.SourceRank}"));
        if (length > MaxPayload)
            throw new InvalidDataException(Say($"expected a payload of at most {MaxPayload} bytes, got a {header.Type} frame announcing {length} bytes"));
        if (header.Type == FrameType.Heartbeat && length != 0)
            throw new InvalidDataException(Say($"expected a Heartbeat frame without payload, got one announcing {length} bytes"));
        return (header, length, flags);
    }

    /// <summary>Ends the link for <paramref name="cause"/> (unless it ended already): closing the socket stops the read loop and any write.</summary>
    private void End(string cause)
    {
        if (Interlocked.CompareExchange(ref _cause, cause, null) is null) _stream.Dispose();
    }

    private PeerLostException Lost(string what, Exception? inner = null) => new(PeerRank, string.Create(CultureInfo.InvariantCulture, $"rank {_rank}: {what}"), inner);

    private static string Describe(Exception e) => e switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionReset } or IOException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionReset } } => "reset the connection",
        _ => "was lost: " + e.Message,
    };

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    /// <summary>The heartbeat frame <paramref name="rank"/> sends in <paramref name="generation"/>.</summary>
    public static FrameHeader Heartbeat(int generation, int rank) => new(FrameType.Heartbeat, generation, 0, rank, 0, WireDType.Float32);
}
