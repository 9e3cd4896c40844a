using System.Runtime.InteropServices;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Shared;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Distributed.Wire;
using static BigDL.Distributed.Tests.Transport.Tcp.MeshTestKit;

namespace BigDL.Distributed.Tests.Transport.Tcp;

/// <summary>
/// Links between ranks of one machine pass gradient and weight slices through /dev/shm: the values arrive intact and
/// in place, a slot is reused only once released, everything else stays on the socket, and no file is left behind.
/// </summary>
public class SharedPayloadTests
{
    private const int SlotBytes = 64 * 1024;

    private static FrameHeader Header(FrameType type, int source, int iteration) => new(type, 0, iteration, source, 0, WireDType.Float32);

    private static byte[] Payload(int length, int seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 13 + seed))];

    private static bool InSharedMemory(Frame frame) => MemoryMarshal.TryGetMemoryManager(frame.Payload, out SharedPayloadFile.SlotMemory? _);

    private static Task<IRankTransport[]> PairAsync() => ConnectAllAsync(2, new TcpMeshOptions { SharedSlotBytes = SlotBytes });

    [Fact]
    public async Task Slices_ArriveThroughTheSharedFile_AndItsNameIsGoneOnceBothMappedIt()
    {
        var mesh = await PairAsync();
        try
        {
            foreach (var (type, seed) in new[] { (FrameType.GradientSlice, 1), (FrameType.WeightSlice, 2), (FrameType.GradientSlice, 3) })
            {
                var sent = Payload(40_000, seed);
                await mesh[1].SendAsync(0, Header(type, 1, seed), sent).AsTask().WaitAsync(Deadline);
                var frame = await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline);

                Assert.True(InSharedMemory(frame), $"expected the {type} payload in shared memory");
                Assert.Equal(sent, frame.Payload.ToArray());
                Assert.Equal(Header(type, 1, seed), frame.Header);
                mesh[0].Release(frame.Payload);
            }
            Assert.False(File.Exists(SharedPayloadFile.PathFor(Job, 0, 1, 0)), "the sender's file should be unlinked once the receiver mapped it");
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task ABusySlot_HoldsTheNextSliceBack_UntilTheReceiverReleasesIt()
    {
        var mesh = await PairAsync();
        try
        {
            await mesh[0].SendAsync(1, Header(FrameType.WeightSlice, 0, 1), Payload(30_000, 5)).AsTask().WaitAsync(Deadline);
            var first = await mesh[1].ReceiveAsync().AsTask().WaitAsync(Deadline);

            var second = mesh[0].SendAsync(1, Header(FrameType.WeightSlice, 0, 2), Payload(30_000, 6)).AsTask();
            await Task.Delay(300);
            Assert.False(second.IsCompleted, "the sender overwrote a slot the receiver still reads");
            Assert.Equal(Payload(30_000, 5), first.Payload.ToArray());

            mesh[1].Release(first.Payload);
            await second.WaitAsync(Deadline);
            var next = await mesh[1].ReceiveAsync().AsTask().WaitAsync(Deadline);
            Assert.Equal(Payload(30_000, 6), next.Payload.ToArray());
            mesh[1].Release(next.Payload);
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Theory]
    [InlineData(FrameType.GradientSlice, SlotBytes + 1)] // larger than a slot
    [InlineData(FrameType.Values, 40_000)] // not a slice
    [InlineData(FrameType.GradientSlice, 1_000)] // small: sent with its header
    public async Task OtherPayloads_TravelOnTheSocket(FrameType type, int length)
    {
        var mesh = await PairAsync();
        try
        {
            var sent = Payload(length, 9);
            await mesh[1].SendAsync(0, Header(type, 1, 1), sent).AsTask().WaitAsync(Deadline);
            var frame = await mesh[0].ReceiveAsync().AsTask().WaitAsync(Deadline);

            Assert.False(InSharedMemory(frame));
            Assert.Equal(sent, frame.Payload.ToArray());
        }
        finally
        {
            await DisposeAllAsync(mesh);
        }
    }

    [Fact]
    public async Task Dispose_LeavesNoFileOfTheJob()
    {
        var mesh = await PairAsync();
        await DisposeAllAsync(mesh);

        Assert.Empty(SharedPayloadFile.FilesOf(Job));
    }

    [Fact]
    public void Attach_WithoutThePeersFile_IsNull_AndLeftoversOfAKilledJobAreDeleted()
    {
        const string job = "shared-payload-leftovers";
        Assert.Null(SharedPayloadFile.Attach(SharedPayloadFile.PathFor(job, 0, 1, 0), SlotBytes));

        using var orphan = SharedPayloadFile.Create(SharedPayloadFile.PathFor(job, 3, 0, 1), SlotBytes);
        Assert.NotNull(orphan);
        Assert.True(File.Exists(SharedPayloadFile.PathFor(job, 3, 0, 1)));

        Assert.Equal(1, SharedPayloadFile.DeleteLeftovers(job));
        Assert.False(File.Exists(SharedPayloadFile.PathFor(job, 3, 0, 1)));
    }
}
