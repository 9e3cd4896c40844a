using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace BigDL.Distributed.Tests.Control;

/// <summary>A raw socket speaking the control framing by hand, as another language's launcher or worker would (no shared code with the library).</summary>
internal sealed class ControlWire : IDisposable
{
    private readonly TcpClient _tcp = new(AddressFamily.InterNetwork);
    private NetworkStream? _stream;

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<ControlWire> ConnectAsync(IPEndPoint server)
    {
        var wire = new ControlWire();
        await wire._tcp.ConnectAsync(server).WaitAsync(Deadline);
        wire._stream = wire._tcp.GetStream();
        return wire;
    }

    public Task SendAsync(byte kind, string json) => SendAsync(kind, Encoding.UTF8.GetBytes(json));

    public async Task SendAsync(byte kind, byte[] body)
    {
        var frame = new byte[5 + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)body.Length + 1);
        frame[4] = kind;
        body.CopyTo(frame, 5);
        await SendRawAsync(frame);
    }

    public async Task SendRawAsync(byte[] bytes) => await _stream!.WriteAsync(bytes).AsTask().WaitAsync(Deadline);

    /// <summary>The next message's kind and body, or null at the end of the stream.</summary>
    public async Task<(byte Kind, byte[] Body)?> ReceiveAsync()
    {
        var header = new byte[5];
        int got = await _stream!.ReadAtLeastAsync(header, 5, throwOnEndOfStream: false).AsTask().WaitAsync(Deadline);
        if (got == 0) return null;
        Assert.Equal(5, got);
        var body = new byte[BinaryPrimitives.ReadUInt32LittleEndian(header) - 1];
        await _stream.ReadExactlyAsync(body).AsTask().WaitAsync(Deadline);
        return (header[4], body);
    }

    public static string Hello(string tokenHex, int version = 2) => $$"""{"version":{{version}},"token":"{{tokenHex}}","pid":4242}""";

    public void Dispose() => _tcp.Dispose();
}
