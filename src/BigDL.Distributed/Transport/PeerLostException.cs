namespace BigDL.Distributed.Transport;

/// <summary>A peer rank left the job (its process died, its connection closed or it gave up); the current generation cannot go on.</summary>
public sealed class PeerLostException : IOException
{
    /// <summary>An exception saying rank <paramref name="rank"/> was lost, with <paramref name="message"/>.</summary>
    public PeerLostException(int rank, string message, Exception? inner = null) : base(message, inner) => Rank = rank;

    /// <summary>The rank that was lost.</summary>
    public int Rank { get; }
}
