using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>Meshes on loopback, and the handshake's wire format written out by hand (so the tests pin it) for peers that misbehave.</summary>
internal static class MeshTestKit
{
    public const string Job = "job-7";

    /// <summary>How long a test waits for something that should happen promptly before it fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static readonly byte[] Token = [.. Enumerable.Range(0, 32).Select(i => (byte)(i * 7 + 3))];

    public static MeshIdentity Identity(int rank, int worldSize, int generation = 0, string job = Job, byte[]? token = null)
        => new(job, generation, rank, worldSize, token ?? Token);

    /// <summary><paramref name="worldSize"/> ranks connected over loopback, index r being rank r.</summary>
    public static async Task<IRankTransport[]> ConnectAllAsync(int worldSize, TcpMeshOptions? options = null)
    {
        var listeners = Enumerable.Range(0, worldSize).Select(_ => TcpMeshListener.Bind(IPAddress.Loopback)).ToArray();
        try
        {
            var peers = listeners.Select(l => l.EndPoint).ToArray();
            return await Task.WhenAll(Enumerable.Range(0, worldSize)
                .Select(r => TcpMesh.ConnectAsync(listeners[r], Identity(r, worldSize), peers, options))).WaitAsync(Deadline);
        }
        finally
        {
            foreach (var listener in listeners) listener.Dispose();
        }
    }

    public static async Task DisposeAllAsync(IEnumerable<IRankTransport> transports)
        => await Task.WhenAll(transports.Select(t => t.DisposeAsync().AsTask())).WaitAsync(Deadline);

    public static async Task<Socket> DialAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint).WaitAsync(Deadline);
        return socket;
    }

    /// <summary>The preamble: 8 bytes of magic, then the protocol version (u16, little-endian).</summary>
    public static byte[] Preamble(ushort version = MeshHandshake.Version, string magic = "BDLMESH\0")
    {
        var bytes = new byte[10];
        Encoding.ASCII.GetBytes(magic).CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), version);
        return bytes;
    }

    /// <summary>A record: kind (u8), body length (u16), body.</summary>
    public static byte[] Record(byte kind, byte[] body)
    {
        var bytes = new byte[3 + body.Length];
        bytes[0] = kind;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1), (ushort)body.Length);
        body.CopyTo(bytes, 3);
        return bytes;
    }

    /// <summary>A Hello record (kind 1): generation, rank, world size (i32), 32 nonce bytes, job id.</summary>
    public static byte[] Hello(int generation, int rank, int worldSize, string job = Job)
    {
        var body = new byte[44 + Encoding.UTF8.GetByteCount(job)];
        BinaryPrimitives.WriteInt32LittleEndian(body, generation);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(4), rank);
        BinaryPrimitives.WriteInt32LittleEndian(body.AsSpan(8), worldSize);
        Random.Shared.NextBytes(body.AsSpan(12, 32));
        Encoding.UTF8.GetBytes(job).CopyTo(body, 44);
        return Record(1, body);
    }

    public static async Task WriteAllAsync(Stream stream, byte[] bytes) => await stream.WriteAsync(bytes).AsTask().WaitAsync(Deadline);

    public static async Task<byte[]> ReadExactlyAsync(Stream stream, int count)
    {
        var bytes = new byte[count];
        await stream.ReadExactlyAsync(bytes).AsTask().WaitAsync(Deadline);
        return bytes;
    }

    public static async Task<(byte Kind, byte[] Body)> ReadRecordAsync(Stream stream)
    {
        var header = await ReadExactlyAsync(stream, 3);
        return (header[0], await ReadExactlyAsync(stream, BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(1))));
    }

    /// <summary>A Refusal record (kind 4) read from <paramref name="stream"/>: its reason and explanation.</summary>
    public static async Task<(MeshRefusal Reason, string Text)> ReadRefusalAsync(Stream stream)
    {
        var (kind, body) = await ReadRecordAsync(stream);
        Assert.Equal(4, kind);
        return ((MeshRefusal)body[0], Encoding.UTF8.GetString(body, 1, body.Length - 1));
    }

    /// <summary>
    /// The bytes that arrive until the other side closes the connection; closing with bytes of ours unread makes the
    /// other side's TCP reset the connection, which counts as closed.
    /// </summary>
    public static async Task<byte[]> ReadUntilClosedAsync(Stream stream)
    {
        var received = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            for (int read; (read = await stream.ReadAsync(chunk).AsTask().WaitAsync(Deadline)) > 0;) received.Write(chunk, 0, read);
        }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionReset })
        {
        }
        return received.ToArray();
    }

    /// <summary>Asserts the other side closes the connection, skipping any bytes still in flight.</summary>
    public static async Task AssertClosedAsync(Stream stream) => await ReadUntilClosedAsync(stream);

    /// <summary>A frame as it travels: the 24-byte header (with any <paramref name="length"/> it claims) and the payload.</summary>
    public static byte[] RawFrame(FrameHeader header, byte[] payload, int? length = null)
    {
        var bytes = new byte[FrameHeader.Size + payload.Length];
        header.WriteTo(bytes, payload.Length);
        if (length is int claimed) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(20), claimed);
        payload.CopyTo(bytes, FrameHeader.Size);
        return bytes;
    }
}
