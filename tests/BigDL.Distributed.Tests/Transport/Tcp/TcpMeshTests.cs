using System.Buffers.Binary;
using System.Net;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Distributed.Wire;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

public class TcpMeshTests
{
    private static FrameHeader Header(int source, int iteration = 1, int slice = 0, FrameType type = FrameType.GradientSlice)
        => new(type, 0, iteration, source, slice, WireDType.Float32);

    private static byte[] Payload(int source, int destination, int length)
        => [.. Enumerable.Range(0, length).Select(i => (byte)(source * 31 + destination * 7 + i))];

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public async Task EveryRank_SendsToEveryOther_EachGetsOneFramePerPeerWithItsPayload(int worldSize)
    {
        var mesh = await ConnectAllAsync(worldSize);
        try
        {
            await Task.WhenAll(mesh.Select(t => Task.Run(async () =>
            {
                for (int d = 0; d < worldSize; d++)
                    if (d != t.Rank) await t.SendAsync(d, Header(t.Rank, slice: d), Payload(t.Rank, d, 100 + d));
            }))).WaitAsync(Deadline);

            foreach (var t in mesh)
            {
                var frames = new List<Frame>();
                for (int i = 1; i < worldSize; i++) frames.Add(await t.ReceiveAsync().AsTask().WaitAsync(Deadline));
                Assert.Equal(Enumerable.Range(0, worldSize).Where(r => r != t.Rank), frames.Select(f => f.Header.SourceRank).Order());
                Assert.All(frames, f =>
                {
                    Assert.Equal(Header(f.Header.SourceRank, slice: t.Rank), f.Header);
                    Assert.Equal(Payload(f.Header.SourceRank, t.Rank, 100 + t.Rank), f.Payload.ToArray());
                });
                Assert.Equal((t.Rank, worldSize), (t.Rank, t.WorldSize));
            }
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task Frames_OfOnePair_ArriveInTheOrderSent_SmallAndLarge()
    {
        var mesh = await ConnectAllAsync(2);
        try
        {
            int[] lengths = [.. Enumerable.Range(0, 300).Select(i => i % 50 == 0 ? 40_000 + i : i)];
            var sending = Task.Run(async () =>
            {
                for (int i = 0; i < lengths.Length; i++) await mesh[1].SendAsync(0, Header(1, iteration: i), Payload(1, i, lengths[i]));
            });

            for (int i = 0; i < lengths.Length; i++)
            {
                var frame = await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline);
                Assert.Equal(i, frame.Header.Iteration);
                Assert.Equal(Payload(1, i, lengths[i]), frame.Payload.ToArray());
            }
            await sending.WaitAsync(Deadline);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task LargePayload_32MB_ArrivesIntact_AndTheSenderMayReuseItsBufferOnceSent()
    {
        var mesh = await ConnectAllAsync(2);
        try
        {
            var payload = new byte[32 << 20];
            new Random(5).NextBytes(payload);
            var expected = payload.ToArray();
            var receiving = mesh[1].ReceiveAsync().AsTask();

            await mesh[0].SendAsync(1, Header(0), payload).AsTask().WaitAsync(Deadline);
            Array.Clear(payload);
            var frame = await receiving.WaitAsync(Deadline);

            Assert.Equal(expected.Length, frame.Payload.Length);
            Assert.True(frame.Payload.Span.SequenceEqual(expected));
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task ConcurrentSends_ToOneDestination_AreNotInterleaved_AndKeepEachSendersOrder()
    {
        var mesh = await ConnectAllAsync(2);
        try
        {
            // Four tasks send to the same peer at once; each frame's payload is its task and sequence number repeated.
            await Task.WhenAll(Enumerable.Range(0, 4).Select(task => Task.Run(async () =>
            {
                for (int i = 0; i < 50; i++)
                    await mesh[0].SendAsync(1, Header(0, iteration: i, slice: task), Repeated(task * 1000 + i, 20_000 + task));
            }))).WaitAsync(Deadline);

            var next = new int[4];
            for (int received = 0; received < 200; received++)
            {
                var frame = await mesh[1].ReceiveAsync().AsTask().WaitAsync(Deadline);
                int task = frame.Header.SliceId;
                Assert.Equal(next[task]++, frame.Header.Iteration);
                Assert.Equal(Repeated(task * 1000 + frame.Header.Iteration, 20_000 + task), frame.Payload.ToArray());
            }
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }

        static byte[] Repeated(int value, int count)
        {
            var bytes = new byte[count * 4];
            for (int i = 0; i < count; i++) BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), value);
            return bytes;
        }
    }

    [Fact]
    public async Task PeerDisposed_ReceiveGivesItsEarlierFrames_ThenPeerLostNamingIt_AndSendsToItFail()
    {
        var mesh = await ConnectAllAsync(3);
        try
        {
            await mesh[1].SendAsync(0, Header(1), new byte[] { 9, 8, 7 });

            await mesh[1].DisposeAsync().AsTask().WaitAsync(Deadline);

            Assert.Equal(new byte[] { 9, 8, 7 }, (await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline)).Payload.ToArray());
            var lost = await Assert.ThrowsAsync<PeerLostException>(async () => await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline));
            Assert.Equal(1, lost.Rank);
            Assert.Contains("rank 0: peer rank 1 (", lost.Message);
            Assert.Contains("closed the connection", lost.Message);
            Assert.Equal(1, (await Assert.ThrowsAsync<PeerLostException>(async () => await mesh[0].ReceiveAsync())).Rank);
            var sendLost = await Assert.ThrowsAsync<PeerLostException>(async () => await mesh[0].SendAsync(1, Header(0), new byte[4]));
            Assert.Equal(1, sendLost.Rank);
            Assert.Contains("cannot send to peer rank 1", sendLost.Message);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task Receive_WaitingWhenPeerLeaves_ThrowsPeerLost()
    {
        var mesh = await ConnectAllAsync(2);
        try
        {
            var waiting = mesh[0].ReceiveAsync().AsTask();

            await mesh[1].DisposeAsync();

            Assert.Equal(1, (await Assert.ThrowsAsync<PeerLostException>(() => waiting.WaitAsync(Deadline))).Rank);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task Receive_OnADisposedTransport_ThrowsObjectDisposed()
    {
        var mesh = await ConnectAllAsync(2);
        var waiting = mesh[0].ReceiveAsync().AsTask();

        await DisposeAllAsync(mesh);

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Deadline));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await mesh[0].SendAsync(1, Header(0), new byte[1]));
    }

    [Fact]
    public async Task Send_ToItselfOrOutOfRange_OrWithAnotherSource_IsRefused()
    {
        var mesh = await ConnectAllAsync(2);
        try
        {
            Assert.Equal("destination", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await mesh[0].SendAsync(0, Header(0), new byte[1]))).ParamName);
            Assert.Contains("got 2", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await mesh[0].SendAsync(2, Header(0), new byte[1]))).Message);
            var wrongSource = await Assert.ThrowsAsync<ArgumentException>(async () => await mesh[0].SendAsync(1, Header(1), new byte[1]));
            Assert.Contains("expected the header's source rank to be this rank 0, got 1", wrongSource.Message);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task IdleLinks_StayUpPastPeerSilence_BecauseHeartbeatsFlow()
    {
        // A wide margin between heartbeat and silence: the test must pass on a busy machine too.
        var options = new TcpMeshOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50), PeerSilence = TimeSpan.FromSeconds(1.5) };
        var mesh = await ConnectAllAsync(2, options);
        try
        {
            await Task.Delay(2500);
            await mesh[1].SendAsync(0, Header(1), new byte[] { 1 });

            var frame = await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline);

            Assert.Equal(FrameType.GradientSlice, frame.Header.Type);
            Assert.Equal(new byte[] { 1 }, frame.Payload.ToArray());
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task WorldOfOne_ConnectsAtOnceWithoutPeers()
    {
        using var listener = TcpMeshListener.Bind(IPAddress.Loopback);

        await using var transport = await TcpMesh.ConnectAsync(listener, Identity(0, 1), [listener.EndPoint]);

        Assert.Equal((0, 1), (transport.Rank, transport.WorldSize));
    }

    [Fact]
    public async Task Connect_ArgumentsThatDoNotFit_AreRefusedSayingWhat()
    {
        using var listener = TcpMeshListener.Bind(IPAddress.Loopback);
        IPEndPoint[] two = [listener.EndPoint, listener.EndPoint];

        var count = await Assert.ThrowsAsync<ArgumentException>(() => TcpMesh.ConnectAsync(listener, Identity(0, 3), two));
        Assert.Equal("peers", count.ParamName);
        Assert.Contains("expected one listener address per rank (3), got 2", count.Message);
        Assert.Contains("got rank 2 of world size 2", (await Assert.ThrowsAsync<ArgumentException>(() => TcpMesh.ConnectAsync(listener, Identity(2, 2), two))).Message);
        Assert.Contains("empty token", (await Assert.ThrowsAsync<ArgumentException>(() => TcpMesh.ConnectAsync(listener, Identity(0, 2, token: []), two))).Message);
        Assert.Contains("JobId", (await Assert.ThrowsAsync<ArgumentException>(() => TcpMesh.ConnectAsync(listener, Identity(0, 2, job: ""), two))).Message);
        var options = await Assert.ThrowsAsync<ArgumentException>(() => TcpMesh.ConnectAsync(listener, Identity(0, 2), two,
            new TcpMeshOptions { HeartbeatInterval = TimeSpan.FromSeconds(5), PeerSilence = TimeSpan.FromSeconds(5) }));
        Assert.Equal("options", options.ParamName);
    }
}
