using System.Net;
using System.Net.Sockets;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Distributed.Wire;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>Setting up a mesh when the peers disagree, a stranger gets in the way, or a peer never comes.</summary>
public class MeshSetupTests
{
    /// <summary>Rank 0 of 2 set up with <paramref name="identity"/>, and rank 1 with <paramref name="dialer"/>; returns rank 1's failure.</summary>
    private static async Task<MeshHandshakeException> DialerRefusedAsync(MeshIdentity dialer, MeshIdentity? identity = null)
    {
        using var listener0 = TcpMeshListener.Bind(IPAddress.Loopback);
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);
        using var stop = new CancellationTokenSource();
        IPEndPoint[] peers = [listener0.EndPoint, listener1.EndPoint];
        var rank0 = TcpMesh.ConnectAsync(listener0, identity ?? Identity(0, 2, generation: 3), peers, cancellation: stop.Token);

        var refused = await Assert.ThrowsAsync<MeshHandshakeException>(() => TcpMesh.ConnectAsync(listener1, dialer, peers).WaitAsync(Deadline));

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rank0.WaitAsync(Deadline));
        return refused;
    }

    [Fact]
    public async Task PeerOfAnOldGeneration_IsToldSoByTheRankItDials()
    {
        var refused = await DialerRefusedAsync(Identity(1, 2, generation: 2));

        Assert.Equal(MeshRefusal.Generation, refused.Reason);
        Assert.True(refused.RefusedByPeer);
        Assert.Contains("rank 1 (job 'job-7', generation 2): rank 0 at 127.0.0.1:", refused.Message);
        Assert.Contains("refused the mesh handshake: a peer from an old generation: expected generation 3, got 2", refused.Message);
    }

    [Fact]
    public async Task PeerWithAnotherToken_IsRefusedByTheRankItDials()
    {
        var refused = await DialerRefusedAsync(Identity(1, 2, generation: 3, token: [1, 2, 3]));

        Assert.Equal(MeshRefusal.Token, refused.Reason);
        Assert.True(refused.RefusedByPeer);
    }

    /// <summary>A fake rank 0 that reads rank 1's preamble and Hello, answers with <paramref name="answer"/>, and reports what it got back.</summary>
    private static async Task<(MeshHandshakeException Refused, byte[] Reply)> FakeRankZeroAsync(Func<byte[]> answer)
    {
        using var fake = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        fake.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        fake.Listen();
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);
        var dialing = TcpMesh.ConnectAsync(listener1, Identity(1, 2), [(IPEndPoint)fake.LocalEndPoint!, listener1.EndPoint]);
        using var socket = await fake.AcceptAsync().WaitAsync(Deadline);
        await using var stream = new NetworkStream(socket);
        await ReadExactlyAsync(stream, 10);
        await ReadRecordAsync(stream);

        await stream.WriteAsync(answer());

        var refused = await Assert.ThrowsAsync<MeshHandshakeException>(() => dialing.WaitAsync(Deadline));
        return (refused, await ReadUntilClosedAsync(stream));
    }

    [Fact]
    public async Task DialledListener_ClaimingAnotherRank_IsRefusedAndToldWhy()
    {
        var (refused, reply) = await FakeRankZeroAsync(() => [.. Preamble(), .. Hello(0, 1, 2)]);

        Assert.Equal(MeshRefusal.Rank, refused.Reason);
        Assert.False(refused.RefusedByPeer);
        Assert.Contains("refused the mesh handshake of rank 0 at 127.0.0.1:", refused.Message);
        Assert.Contains("expected rank 0 at this address, got rank 1", refused.Message);
        Assert.Equal(new byte[] { 4, (byte)MeshRefusal.Rank }, new[] { reply[0], reply[3] });
    }

    [Fact]
    public async Task DialledListener_OfAnotherWorldSize_IsRefused()
    {
        var (refused, _) = await FakeRankZeroAsync(() => [.. Preamble(), .. Hello(0, 0, 5)]);

        Assert.Equal(MeshRefusal.WorldSize, refused.Reason);
        Assert.Contains("expected world size 2, got 5", refused.Message);
    }

    [Fact]
    public async Task DialledListener_NotSpeakingTheProtocol_IsRefused()
    {
        var (refused, reply) = await FakeRankZeroAsync(() => "SSH-2.0-x\r\n"u8.ToArray());

        Assert.Equal(MeshRefusal.Protocol, refused.Reason);
        Assert.Contains("not the mesh protocol: expected the magic 42444C4D45534800, got 5353482D322E302D", refused.Message);
        Assert.Empty(reply);
    }

    [Fact]
    public async Task DialledListener_FakingItsProof_IsRefused()
    {
        var (refused, _) = await FakeRankZeroAsync(() => [.. Preamble(), .. Hello(0, 0, 2), .. Record(2, new byte[32])]);

        Assert.Equal(MeshRefusal.Token, refused.Reason);
        Assert.False(refused.RefusedByPeer);
    }

    [Fact]
    public async Task DialledListener_RefusingWithItsReason_IsReportedAsRefusedByPeer()
    {
        var (refused, _) = await FakeRankZeroAsync(() => [.. Preamble(), .. Record(4, [(byte)MeshRefusal.JobId, .. "expected job id 'x'"u8])]);

        Assert.Equal(MeshRefusal.JobId, refused.Reason);
        Assert.True(refused.RefusedByPeer);
        Assert.EndsWith("refused the mesh handshake: expected job id 'x'", refused.Message);
    }

    [Fact]
    public async Task Strangers_SendingGarbageOrNothing_DoNotKeepTheRealPeersFromConnecting()
    {
        using var listener0 = TcpMeshListener.Bind(IPAddress.Loopback);
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);
        IPEndPoint[] peers = [listener0.EndPoint, listener1.EndPoint];
        var rank0 = TcpMesh.ConnectAsync(listener0, Identity(0, 2), peers);
        using var silent = await DialAsync(listener0.EndPoint);
        using var partial = await DialAsync(listener0.EndPoint);
        using var garbage = await DialAsync(listener0.EndPoint);
        await using var garbageStream = new NetworkStream(garbage);
        await using var partialStream = new NetworkStream(partial);
        await partialStream.WriteAsync("BDLM"u8.ToArray());
        await garbageStream.WriteAsync(new byte[] { 0xFF, 0x00, 0x13, 0x37, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42, 0x42 });
        await AssertClosedAsync(garbageStream);

        var mesh = await Task.WhenAll(rank0, TcpMesh.ConnectAsync(listener1, Identity(1, 2), peers)).WaitAsync(Deadline);
        try
        {
            await mesh[1].SendAsync(0, new FrameHeader(FrameType.Scalars, 0, 1, 1, 0, WireDType.Float64), new byte[32]);
            Assert.Equal(1, (await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline)).Header.SourceRank);
            await using var silentStream = new NetworkStream(silent);
            await AssertClosedAsync(silentStream);
            await AssertClosedAsync(partialStream);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task PeerThatNeverDials_TimesOut_NamingItAndTheConnectionsRefused()
    {
        using var listener0 = TcpMeshListener.Bind(IPAddress.Loopback);
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);
        var rank0 = TcpMesh.ConnectAsync(listener0, Identity(0, 2), [listener0.EndPoint, listener1.EndPoint],
            new TcpMeshOptions { ConnectTimeout = TimeSpan.FromMilliseconds(500) });
        using (var impostor = await DialAsync(listener0.EndPoint))
        await using (var stream = new NetworkStream(impostor))
        {
            await WriteAllAsync(stream, [.. Preamble(), .. Hello(0, 1, 2, job: "job-6")]);
            await AssertClosedAsync(stream);
        }

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => rank0.WaitAsync(Deadline));

        Assert.Contains($"rank 0 (job 'job-7', generation 0): the mesh was not complete after 0.5 s; missing links: rank 1 (expected to dial {listener0.EndPoint})", timeout.Message);
        Assert.Contains("refused 1 connection(s):", timeout.Message);
        Assert.Equal(MeshRefusal.JobId, Assert.IsType<MeshHandshakeException>(timeout.InnerException).Reason);
    }

    [Fact]
    public async Task RankWhoseListenerIsGone_TimesOut_NamingTheDialError()
    {
        var gone = TcpMeshListener.Bind(IPAddress.Loopback);
        gone.Dispose();
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => TcpMesh.ConnectAsync(listener1, Identity(1, 2), [gone.EndPoint, listener1.EndPoint],
            new TcpMeshOptions { ConnectTimeout = TimeSpan.FromMilliseconds(300) }).WaitAsync(Deadline));

        Assert.Contains($"missing links: rank 0 (dialling {gone.EndPoint}: ConnectionRefused)", timeout.Message);
    }

    [Fact]
    public async Task ListenerDisposedDuringTheSetUp_EndsItAtOnceRatherThanAtTheDeadline()
    {
        var listener0 = TcpMeshListener.Bind(IPAddress.Loopback);
        var connecting = TcpMesh.ConnectAsync(listener0, Identity(0, 2), [listener0.EndPoint, listener0.EndPoint]);

        listener0.Dispose();

        var failure = await Xunit.Record.ExceptionAsync(() => connecting.WaitAsync(Deadline));
        Assert.NotNull(failure);
        Assert.IsNotType<TimeoutException>(failure);
    }

    [Fact]
    public async Task Dialling_RetriesWhileThePeerIsNotYetListening()
    {
        // A socket bound but not listening refuses connections, as a peer's would before it listens.
        using var late = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        late.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var listener1 = TcpMeshListener.Bind(IPAddress.Loopback);
        var dialing = TcpMesh.ConnectAsync(listener1, Identity(1, 2), [(IPEndPoint)late.LocalEndPoint!, listener1.EndPoint]);
        await Task.Delay(200);
        Assert.False(dialing.IsCompleted);

        late.Listen();
        using var accepted = await late.AcceptAsync().WaitAsync(Deadline);
        await using var stream = new NetworkStream(accepted);
        int rank = await MeshHandshake.AcceptAsync(stream, Identity(0, 2), _ => null, "rank 1", CancellationToken.None).WaitAsync(Deadline);
        await using var transport = await dialing.WaitAsync(Deadline);

        Assert.Equal(1, rank);
        Assert.Equal((1, 2), (transport.Rank, transport.WorldSize));
        accepted.Dispose();
    }
}
