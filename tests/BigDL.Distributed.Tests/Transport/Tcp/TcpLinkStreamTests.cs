using System.Net;
using System.Net.Sockets;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Distributed.Wire;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>What rank 0 makes of the byte stream of a peer that passed the handshake (a plain socket here) and then misbehaves.</summary>
public class TcpLinkStreamTests
{
    private static readonly FrameHeader Scalars = new(FrameType.Scalars, 0, 1, 1, 0, WireDType.Float64);

    /// <summary>Rank 0 of 2, connected to a rank 1 that is a plain socket through the handshake.</summary>
    private static async Task<(IRankTransport Rank0, NetworkStream Rank1)> WithPlainRank1Async(TcpMeshOptions? options = null)
    {
        using var listener = TcpMeshListener.Bind(IPAddress.Loopback);
        var connecting = TcpMesh.ConnectAsync(listener, Identity(0, 2), [listener.EndPoint, listener.EndPoint], options);
        var rank1 = new NetworkStream(await DialAsync(listener.EndPoint), ownsSocket: true);
        await MeshHandshake.DialAsync(rank1, Identity(1, 2), 0, "rank 0", CancellationToken.None).WaitAsync(Deadline);
        return (await connecting.WaitAsync(Deadline), rank1);
    }

    public static TheoryData<string, byte[]> Corruptions => new()
    {
        { "frame type 99 is unknown", [99, .. RawFrame(Scalars, [])[1..]] },
        { "expected frames of source rank 1 on this link, got a Scalars frame of source rank 0", RawFrame(Scalars with { SourceRank = 0 }, new byte[16]) },
        { "expected a payload of at most 1073741824 bytes, got a GradientSlice frame announcing 1073741825 bytes",
            RawFrame(Scalars with { Type = FrameType.GradientSlice }, [], length: (1 << 30) + 1) },
        { "expected a Heartbeat frame without payload, got one announcing 4 bytes", RawFrame(Scalars with { Type = FrameType.Heartbeat }, new byte[4]) },
    };

    [Theory]
    [MemberData(nameof(Corruptions))]
    public async Task CorruptFrame_FailsTheReceiveNamingThePeer_AfterTheFramesBeforeIt_AndEndsTheLink(string problem, byte[] corrupt)
    {
        var (rank0, rank1) = await WithPlainRank1Async();
        await using (rank1)
        {
            await WriteAllAsync(rank1, [.. RawFrame(Scalars, new byte[16]), .. corrupt]);

            Assert.Equal(Scalars, (await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline)).Header);
            var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline));
            Assert.StartsWith("rank 0: refused the stream of peer rank 1 (127.0.0.1:", error.Message);
            Assert.Contains(problem, error.Message);
            Assert.Contains(problem, (await Assert.ThrowsAsync<InvalidDataException>(async () => await rank0.ReceiveAsync())).Message);
            await AssertClosedAsync(rank1);
            var send = await Assert.ThrowsAsync<PeerLostException>(async () => await rank0.SendAsync(1, Scalars with { SourceRank = 0 }, new byte[16]));
            Assert.Contains("cannot send to peer rank 1", send.Message);
            Assert.Contains("sent corrupt data", send.Message);
        }
        await rank0.DisposeAsync().AsTask().WaitAsync(Deadline);
    }

    [Fact]
    public async Task Heartbeats_AreConsumed_NeverDelivered()
    {
        var (rank0, rank1) = await WithPlainRank1Async();
        var heartbeat = RawFrame(Scalars with { Type = FrameType.Heartbeat, Iteration = 0 }, []);
        await using (rank1)
        {
            await WriteAllAsync(rank1, [.. heartbeat, .. heartbeat, .. RawFrame(Scalars, new byte[16]), .. heartbeat]);
            rank1.Socket.Shutdown(SocketShutdown.Send);

            Assert.Equal(Scalars, (await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline)).Header);
            Assert.Contains("closed the connection", (await Assert.ThrowsAsync<PeerLostException>(async () => await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline))).Message);
        }
        await rank0.DisposeAsync().AsTask().WaitAsync(Deadline);
    }

    [Fact]
    public async Task SilentPeer_IsLostAfterPeerSilence_WhileThisRankKeepsSendingHeartbeats()
    {
        var options = new TcpMeshOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), PeerSilence = TimeSpan.FromMilliseconds(500) };
        var (rank0, rank1) = await WithPlainRank1Async(options);
        await using (rank1)
        {
            var receiving = rank0.ReceiveAsync().AsTask();

            var (header, length) = FrameHeader.ReadFrom(await ReadExactlyAsync(rank1, FrameHeader.Size));
            var lost = await Assert.ThrowsAsync<PeerLostException>(() => receiving.WaitAsync(Deadline));

            Assert.Equal((FrameType.Heartbeat, 0, 0), (header.Type, header.SourceRank, length));
            Assert.Equal(1, lost.Rank);
            Assert.StartsWith("rank 0: peer rank 1 (127.0.0.1:", lost.Message);
            Assert.Contains("was silent for", lost.Message);
            Assert.EndsWith("(the limit is 0.5 s)", lost.Message);
            await AssertClosedAsync(rank1);
        }
        await rank0.DisposeAsync().AsTask().WaitAsync(Deadline);
    }

    [Fact]
    public async Task Dispose_TellsThePeerNoMoreFramesCome_AndClosesEvenIfThePeerNeverClosesItsSide()
    {
        var (rank0, rank1) = await WithPlainRank1Async();
        await using (rank1)
        {
            await rank0.SendAsync(1, Scalars with { SourceRank = 0 }, new byte[16]);

            var disposing = rank0.DisposeAsync().AsTask();
            var received = await ReadUntilClosedAsync(rank1);
            await disposing.WaitAsync(Deadline);

            var frames = new List<FrameHeader>();
            for (int at = 0; at < received.Length; at += FrameHeader.Size + FrameHeader.ReadFrom(received.AsSpan(at)).PayloadLength)
                frames.Add(FrameHeader.ReadFrom(received.AsSpan(at)).Header);
            Assert.Equal([Scalars with { SourceRank = 0 }], frames.Where(f => f.Type != FrameType.Heartbeat));
        }
    }

    [Fact]
    public async Task PeerResettingTheConnection_IsLost()
    {
        var (rank0, rank1) = await WithPlainRank1Async();
        rank1.Socket.LingerState = new LingerOption(true, 0);

        rank1.Dispose();

        var lost = await Assert.ThrowsAsync<PeerLostException>(async () => await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline));
        Assert.Equal(1, lost.Rank);
        Assert.True(lost.Message.EndsWith("reset the connection", StringComparison.Ordinal) || lost.Message.EndsWith("closed the connection", StringComparison.Ordinal), lost.Message);
        await rank0.DisposeAsync().AsTask().WaitAsync(Deadline);
    }

    [Fact]
    public async Task PeerClosingInTheMiddleOfAFrame_IsLost_AndThePartialFrameNotDelivered()
    {
        var (rank0, rank1) = await WithPlainRank1Async();
        await using (rank1)
        {
            await rank1.WriteAsync(RawFrame(Scalars, new byte[16])[..30]);
            rank1.Socket.Shutdown(SocketShutdown.Send);

            Assert.Contains("closed the connection", (await Assert.ThrowsAsync<PeerLostException>(async () => await rank0.ReceiveAsync().AsTask().WaitAsync(Deadline))).Message);
        }
        await rank0.DisposeAsync().AsTask().WaitAsync(Deadline);
    }
}
