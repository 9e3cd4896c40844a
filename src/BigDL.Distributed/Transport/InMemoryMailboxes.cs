using System.Threading.Channels;

namespace BigDL.Distributed.Transport;

/// <summary>The mailboxes of an in-memory network: one unbounded channel per rank, and which ranks have left.</summary>
internal sealed class InMemoryMailboxes
{
    private readonly Channel<InMemoryDelivery>[] _boxes;
    private readonly bool[] _gone;
    private readonly PayloadPool[] _payloads;

    public InMemoryMailboxes(int worldSize)
    {
        _boxes = [.. Enumerable.Range(0, worldSize).Select(_ => Channel.CreateUnbounded<InMemoryDelivery>(new UnboundedChannelOptions { SingleReader = true }))];
        _gone = new bool[worldSize];
        _payloads = [.. Enumerable.Range(0, worldSize).Select(_ => new PayloadPool())];
    }

    /// <summary>The buffers frames to <paramref name="rank"/> are copied into, which that rank hands back.</summary>
    public PayloadPool Payloads(int rank) => _payloads[rank];

    public int WorldSize => _boxes.Length;

    public bool IsGone(int rank) => Volatile.Read(ref _gone[rank]);

    public void Post(int destination, InMemoryDelivery delivery) => _boxes[destination].Writer.TryWrite(delivery);

    public ValueTask<InMemoryDelivery> TakeAsync(int rank, CancellationToken cancellation) => _boxes[rank].Reader.ReadAsync(cancellation);

    /// <summary>Marks <paramref name="rank"/> as gone and tells every other rank, after the frames it already sent them.</summary>
    public void Leave(int rank)
    {
        Volatile.Write(ref _gone[rank], true);
        for (int r = 0; r < _boxes.Length; r++)
            if (r != rank) Post(r, InMemoryDelivery.Gone(rank));
    }
}
