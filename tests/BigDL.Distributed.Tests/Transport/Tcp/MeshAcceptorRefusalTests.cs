using System.Net;
using System.Net.Sockets;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>Connections a rank's listener refuses during its mesh set-up, made by hand with plain sockets.</summary>
public class MeshAcceptorRefusalTests
{
    /// <summary>
    /// Rank <paramref name="rank"/> (1 by default) of 3 in generation 3, setting up its mesh: it expects the higher ranks
    /// to dial it, and rank 1 dials rank 0, whose listener never accepts, so the set-up stays open until the test ends it.
    /// </summary>
    private sealed class OpenAcceptor : IAsyncDisposable
    {
        private readonly TcpMeshListener _rank0 = TcpMeshListener.Bind(IPAddress.Loopback);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<IRankTransport> _connecting;

        public OpenAcceptor(int rank = 1)
        {
            IPEndPoint[] peers = [_rank0.EndPoint, _rank0.EndPoint, _rank0.EndPoint];
            peers[rank] = Listener.EndPoint;
            _connecting = TcpMesh.ConnectAsync(Listener, Identity(rank, 3, generation: 3), peers, cancellation: _stop.Token);
        }

        public TcpMeshListener Listener { get; } = TcpMeshListener.Bind(IPAddress.Loopback);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _connecting.WaitAsync(Deadline));
            Listener.Dispose();
            _rank0.Dispose();
            _stop.Dispose();
        }
    }

    public static TheoryData<string, int, int, int, MeshRefusal, string> Mismatches => new()
    {
        { "other-job", 3, 2, 3, MeshRefusal.JobId, "expected job id 'job-7', got 'other-job'" },
        { Job, 2, 2, 3, MeshRefusal.Generation, "a peer from an old generation: expected generation 3, got 2" },
        { Job, 4, 2, 3, MeshRefusal.Generation, "a peer from a newer generation: expected generation 3, got 4" },
        { Job, 3, 2, 4, MeshRefusal.WorldSize, "expected world size 3, got 4" },
        { Job, 3, 3, 3, MeshRefusal.Rank, "expected a rank in [0, 3), got rank 3" },
        { Job, 3, -1, 3, MeshRefusal.Rank, "expected a rank in [0, 3), got rank -1" },
        { Job, 3, 0, 3, MeshRefusal.Rank, "expected a rank above 1 (higher ranks dial lower ones), got rank 0" },
        { Job, 3, 1, 3, MeshRefusal.Rank, "expected a rank above 1 (higher ranks dial lower ones), got rank 1" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public async Task Hello_ThatDoesNotFit_IsRefusedWithItsReason_AndTheConnectionClosed(string job, int generation, int rank, int worldSize, MeshRefusal reason, string text)
    {
        await using var acceptor = new OpenAcceptor();
        using var socket = await DialAsync(acceptor.Listener.EndPoint);
        await using var stream = new NetworkStream(socket);

        await WriteAllAsync(stream, [.. Preamble(), .. Hello(generation, rank, worldSize, job)]);

        Assert.Equal(Preamble(), await ReadExactlyAsync(stream, 10));
        Assert.Equal((reason, text), await ReadRefusalAsync(stream));
        await AssertClosedAsync(stream);
    }

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n\r\n")]
    [InlineData("BDLMESH!\u0001\u0000")]
    public async Task WrongMagic_IsDroppedWithoutAnswer(string garbage)
    {
        await using var acceptor = new OpenAcceptor();
        using var socket = await DialAsync(acceptor.Listener.EndPoint);
        await using var stream = new NetworkStream(socket);

        await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes(garbage));

        Assert.Equal(Preamble(), await ReadExactlyAsync(stream, 10));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task OtherProtocolVersion_IsDropped_AfterThisSideSaidItsOwnVersion()
    {
        await using var acceptor = new OpenAcceptor();
        using var socket = await DialAsync(acceptor.Listener.EndPoint);
        await using var stream = new NetworkStream(socket);

        await WriteAllAsync(stream, [.. Preamble(version: MeshHandshake.Version + 1), .. Hello(3, 2, 3)]);

        Assert.Equal(Preamble(), await ReadExactlyAsync(stream, 10));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task RecordOfAnotherKindInsteadOfHello_IsRefusedAsNotTheProtocol()
    {
        await using var acceptor = new OpenAcceptor();
        using var socket = await DialAsync(acceptor.Listener.EndPoint);
        await using var stream = new NetworkStream(socket);

        await WriteAllAsync(stream, [.. Preamble(), .. Record(9, [1, 2])]);

        await ReadExactlyAsync(stream, 10);
        Assert.Equal((MeshRefusal.Protocol, "expected a Hello record, got record kind 9"), await ReadRefusalAsync(stream));
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task ProofOfAnotherToken_IsRefused()
    {
        await using var acceptor = new OpenAcceptor();
        using var socket = await DialAsync(acceptor.Listener.EndPoint);
        await using var stream = new NetworkStream(socket);
        await WriteAllAsync(stream, [.. Preamble(), .. Hello(3, 2, 3)]);
        await ReadExactlyAsync(stream, 10);
        var (kind, hello) = await ReadRecordAsync(stream);

        await stream.WriteAsync(Record(2, [.. Enumerable.Repeat((byte)0xAB, 32)]));

        Assert.Equal((1, 3), (kind, BitConverter.ToInt32(hello, 0)));
        var (reason, text) = await ReadRefusalAsync(stream);
        Assert.Equal(MeshRefusal.Token, reason);
        Assert.Contains("got a proof of another token", text);
        await AssertClosedAsync(stream);
    }

    [Fact]
    public async Task SecondConnectionClaimingAConnectedRank_IsRefused()
    {
        // Rank 0 expects ranks 1 and 2: once rank 2 is connected, it still accepts, waiting for rank 1.
        await using var acceptor = new OpenAcceptor(rank: 0);
        using var real = await DialAsync(acceptor.Listener.EndPoint);
        await using var realStream = new NetworkStream(real);
        await MeshHandshake.DialAsync(realStream, Identity(2, 3, generation: 3), 0, "rank 0", CancellationToken.None).WaitAsync(Deadline);

        // The acceptor counts the link once it has read the last handshake record, which may be a moment after the
        // dialer sent it: until then a second claim gets the acceptor's Hello, and is tried again.
        (MeshRefusal, string)? refusal = null;
        for (var until = DateTime.UtcNow + Deadline; refusal is null && DateTime.UtcNow < until;)
        {
            using var socket = await DialAsync(acceptor.Listener.EndPoint);
            await using var stream = new NetworkStream(socket);
            await WriteAllAsync(stream, [.. Preamble(), .. Hello(3, 2, 3)]);
            await ReadExactlyAsync(stream, 10);
            var (kind, body) = await ReadRecordAsync(stream);
            if (kind == 4) refusal = ((MeshRefusal)body[0], System.Text.Encoding.UTF8.GetString(body, 1, body.Length - 1));
            else await Task.Delay(20);
        }

        Assert.Equal((MeshRefusal.Rank, "expected a rank not yet connected, got rank 2, which is already connected"), refusal);
    }
}
