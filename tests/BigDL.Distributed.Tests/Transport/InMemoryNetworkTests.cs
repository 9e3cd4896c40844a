using BigDL.Distributed.Transport;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed.Tests.Transport;

public class InMemoryNetworkTests
{
    private static FrameHeader Header(int source, int iteration = 1, FrameType type = FrameType.GradientSlice)
        => new(type, 7, iteration, source, 2, WireDType.BFloat16);

    [Fact]
    public async Task Send_DeliversHeaderAndACopyOfThePayload()
    {
        var ranks = InMemoryNetwork.Create(3);
        var payload = new byte[] { 1, 2, 3 };

        await ranks[0].SendAsync(2, Header(0), payload);
        payload[0] = 99;
        var frame = await ranks[2].ReceiveAsync();

        Assert.Equal(Header(0), frame.Header);
        Assert.Equal(new byte[] { 1, 2, 3 }, frame.Payload.ToArray());
        Assert.Equal((2, 3), (ranks[2].Rank, ranks[2].WorldSize));
    }

    [Fact]
    public async Task Frames_FromOneSender_ArriveInOrder()
    {
        var ranks = InMemoryNetwork.Create(2);

        for (int i = 1; i <= 50; i++) await ranks[1].SendAsync(0, Header(1, i), new byte[i]);

        for (int i = 1; i <= 50; i++)
        {
            var frame = await ranks[0].ReceiveAsync();
            Assert.Equal(i, frame.Header.Iteration);
            Assert.Equal(i, frame.Payload.Length);
        }
    }

    [Fact]
    public async Task Receive_AfterPeerLeft_GivesItsEarlierFramesThenNamesTheLostRank()
    {
        var ranks = InMemoryNetwork.Create(3);
        await ranks[1].SendAsync(0, Header(1), new byte[4]);

        await ranks[1].DisposeAsync();

        Assert.Equal(1, (await ranks[0].ReceiveAsync()).Header.SourceRank);
        var lost = await Assert.ThrowsAsync<PeerLostException>(async () => await ranks[0].ReceiveAsync());
        Assert.Equal(1, lost.Rank);
        Assert.Contains("peer rank 1 has left", lost.Message);
        Assert.Equal(1, (await Assert.ThrowsAsync<PeerLostException>(async () => await ranks[0].ReceiveAsync())).Rank);
    }

    [Fact]
    public async Task Receive_WaitingWhenPeerLeaves_Throws()
    {
        var ranks = InMemoryNetwork.Create(2);
        var waiting = ranks[0].ReceiveAsync().AsTask();

        await ranks[1].DisposeAsync();

        Assert.Equal(1, (await Assert.ThrowsAsync<PeerLostException>(() => waiting)).Rank);
    }

    [Fact]
    public async Task Send_ToPeerThatLeft_ThrowsNamingIt()
    {
        var ranks = InMemoryNetwork.Create(3);
        await ranks[2].DisposeAsync();

        var lost = await Assert.ThrowsAsync<PeerLostException>(async () => await ranks[0].SendAsync(2, Header(0), new byte[1]));

        Assert.Equal(2, lost.Rank);
    }

    [Fact]
    public async Task Receive_Cancelled_Throws()
    {
        var ranks = InMemoryNetwork.Create(2);
        using var cancel = new CancellationTokenSource();
        var waiting = ranks[0].ReceiveAsync(cancel.Token).AsTask();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Send_ToItselfOrOutsideTheJob_ThrowsNamingTheDestination(int destination)
    {
        var ranks = InMemoryNetwork.Create(3);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await ranks[1].SendAsync(destination, Header(1), new byte[1]));

        Assert.Equal("destination", error.ParamName);
        Assert.Contains($"got {destination}", error.Message);
    }

    [Fact]
    public async Task Send_WithAnotherSourceRank_ThrowsNamingBoth()
    {
        var ranks = InMemoryNetwork.Create(2);

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await ranks[0].SendAsync(1, Header(1), new byte[1]));

        Assert.Contains("this rank 0, got 1", error.Message);
    }

    [Fact]
    public async Task Disposed_RefusesToSendOrReceive()
    {
        var ranks = InMemoryNetwork.Create(2);
        await ranks[0].DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ranks[0].SendAsync(1, Header(0), new byte[1]));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await ranks[0].ReceiveAsync());
    }

    [Fact]
    public void Create_NoRanks_Throws()
        => Assert.Equal("worldSize", Assert.Throws<ArgumentOutOfRangeException>(() => InMemoryNetwork.Create(0)).ParamName);
}
