namespace BigDL.Distributed.Transport;

/// <summary>What lands in an in-memory mailbox: a frame, or the news that rank <see cref="GoneRank"/> left (then ≥ 0).</summary>
internal readonly record struct InMemoryDelivery(Frame Frame, int GoneRank)
{
    public static InMemoryDelivery Of(Frame frame) => new(frame, -1);

    public static InMemoryDelivery Gone(int rank) => new(default, rank);
}
