using System.Globalization;

namespace BigDL.Distributed.Transport;

/// <summary>Transports for ranks that live in one process: each rank has a mailbox (a channel) the others write frames into.</summary>
public static class InMemoryNetwork
{
    /// <summary><paramref name="worldSize"/> connected transports, the one at index r being rank r's.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="worldSize"/> is below 1.</exception>
    public static IRankTransport[] Create(int worldSize)
    {
        if (worldSize < 1)
            throw new ArgumentOutOfRangeException(nameof(worldSize), worldSize, string.Create(CultureInfo.InvariantCulture, $"expected worldSize >= 1, got {worldSize}"));
        var mailboxes = new InMemoryMailboxes(worldSize);
        return [.. Enumerable.Range(0, worldSize).Select(rank => new InMemoryRankTransport(mailboxes, rank))];
    }
}
