using System.Globalization;
using System.Net;

namespace BigDL.Distributed.Cluster;

/// <summary>
/// Where the local launcher runs its worker processes: how many, the address of this host they reach the control
/// plane at, and a command each one is started through (none by default). The default, all on loopback, is one
/// machine; a prefix such as <c>ip netns exec NAME</c> with the host's address on a bridge puts each worker behind
/// its own network interfaces, as on separate hosts.
/// </summary>
public sealed record WorkerPlacement
{
    /// <summary>A placement of <paramref name="workers"/> processes.</summary>
    /// <param name="workers">The number of worker processes.</param>
    /// <param name="controlAddress">The address of this host the control server listens on (null: loopback).</param>
    /// <param name="commandPrefix">The command worker i (in start order) is run through; it must exec the rest (keep the process id), as <c>ip netns exec</c>, <c>env</c> or <c>nice</c> do. Null: none.</param>
    /// <param name="sharedMemory">Whether workers pass gradient and weight slices to each other through shared memory (<c>/dev/shm</c>) rather than their TCP links; null: when no <paramref name="commandPrefix"/> is given (plain processes of this machine), not otherwise (a prefix may put them behind network interfaces of their own, whose traffic is the point).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public WorkerPlacement(int workers, IPAddress? controlAddress = null, Func<int, IReadOnlyList<string>>? commandPrefix = null, bool? sharedMemory = null)
    {
        if (workers < 1)
            throw new ArgumentOutOfRangeException(nameof(workers), workers, string.Create(CultureInfo.InvariantCulture, $"expected workers >= 1, got {workers}"));
        Workers = workers;
        ControlAddress = controlAddress ?? IPAddress.Loopback;
        CommandPrefix = commandPrefix ?? (_ => []);
        SharedMemory = sharedMemory ?? commandPrefix is null;
    }

    /// <summary>The number of worker processes.</summary>
    public int Workers { get; }

    /// <summary>The address of this host the control server listens on.</summary>
    public IPAddress ControlAddress { get; }

    /// <summary>The command worker i (in start order) is run through (empty: none).</summary>
    public Func<int, IReadOnlyList<string>> CommandPrefix { get; }

    /// <summary>Whether the workers pass gradient and weight slices through shared memory instead of their TCP links.</summary>
    public bool SharedMemory { get; }
}
