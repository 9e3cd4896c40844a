using System.Globalization;

namespace BigDL.Benchmarks.Distributed;

/// <summary>
/// The bytes the loopback interface has carried, from <c>/proc/net/dev</c>: every program's loopback traffic on this
/// machine, TCP/IP headers and acknowledgements included (each byte sent on <c>lo</c> is also received on it, so the
/// transmitted count is the traffic).
/// </summary>
internal static class LoopbackCounter
{
    private const string Table = "/proc/net/dev";

    /// <summary>Whether this machine has the counters (Linux).</summary>
    public static bool Available => File.Exists(Table);

    /// <summary>Bytes transmitted on <c>lo</c> since boot.</summary>
    /// <exception cref="InvalidDataException">The table has no <c>lo</c> row.</exception>
    public static long TransmittedBytes()
    {
        foreach (string line in File.ReadLines(Table))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0 || line.AsSpan(0, colon).Trim() is not "lo") continue;
            // Receive: bytes packets errs drop fifo frame compressed multicast; then transmit: bytes …
            string[] fields = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[8], CultureInfo.InvariantCulture);
        }
        throw new InvalidDataException($"{Table} has no row for the loopback interface lo");
    }
}
