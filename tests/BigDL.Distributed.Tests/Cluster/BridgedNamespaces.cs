using System.ComponentModel;
using System.Globalization;
using System.Net;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>
/// A private network that makes worker processes of this machine talk as separate hosts do: network namespaces, each
/// with its own address on one veth pair whose other end is a port of a Linux bridge in this process's namespace; the
/// bridge holds the driver's address. Every name starts with <c>bdl</c> and this process's id, the /24 is one of
/// 10.231.0.0/16 that no route of the machine covers yet, and nothing that existed before is changed: no interface,
/// route, sysctl or firewall rule. Disposing deletes all of it, also after a failed test.
/// </summary>
internal sealed class BridgedNamespaces : IDisposable
{
    private static readonly HashSet<string> RouteTypes = ["unicast", "local", "broadcast", "multicast", "throw", "unreachable", "prohibit", "blackhole", "nat", "anycast"];

    private readonly List<string> _namespaces = [];
    private readonly List<string> _hostLinks = [];
    private readonly List<string> _teardownErrors = [];
    private bool _bridgeCreated;

    private BridgedNamespaces(string prefix)
    {
        Prefix = prefix;
        Bridge = prefix + "br";
    }

    /// <summary>What every namespace and link name starts with: <c>bdl</c> and this process's id.</summary>
    public string Prefix { get; }

    /// <summary>The bridge's name (in this process's namespace).</summary>
    public string Bridge { get; }

    /// <summary>The bridge's address: where processes in the namespaces reach this process.</summary>
    public IPAddress BridgeAddress { get; private set; } = IPAddress.None;

    /// <summary>The namespaces' names.</summary>
    public IReadOnlyList<string> Namespaces => _namespaces;

    /// <summary>Namespace i's address (on its end of the veth pair).</summary>
    public IReadOnlyList<IPAddress> Addresses { get; private set; } = [];

    /// <summary>What went wrong while deleting the network (empty when all of it was deleted).</summary>
    public IReadOnlyList<string> TeardownErrors => _teardownErrors;

    /// <summary>Creates <paramref name="count"/> namespaces on one bridge, or throws saying why it cannot (then nothing is left behind).</summary>
    /// <exception cref="InvalidOperationException">Namespaces cannot be created here (not root, no CAP_NET_ADMIN, no iproute2), or a step failed; the message holds the tool's stderr.</exception>
    public static BridgedNamespaces Create(int count)
    {
        if (count is < 1 or > 9) throw new ArgumentOutOfRangeException(nameof(count), count, string.Create(CultureInfo.InvariantCulture, $"expected 1 to 9 namespaces, got {count}"));
        var network = new BridgedNamespaces(string.Create(CultureInfo.InvariantCulture, $"bdl{Environment.ProcessId}"));
        try
        {
            network.AddNamespaces(count);
            string subnet = FreeSubnet(Environment.ProcessId);
            network.BridgeAddress = IPAddress.Parse(subnet + "1");
            network.Addresses = [.. Enumerable.Range(0, count).Select(i => IPAddress.Parse(string.Create(CultureInfo.InvariantCulture, $"{subnet}{i + 2}")))];
            network.AddBridge();
            for (int i = 0; i < count; i++) network.Attach(i);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The command that runs the rest of a command line in namespace <paramref name="index"/> (it execs it: same process id).</summary>
    public IReadOnlyList<string> Enter(int index) => ["ip", "netns", "exec", _namespaces[index]];

    /// <summary>
    /// Bytes the bridge has carried from one namespace's port to another's since it was created: what its ports sent
    /// towards the namespaces minus what this process's namespace sent through the bridge, so traffic between a
    /// namespace and this process does not count.
    /// </summary>
    public long BytesBetweenNamespaces() => _hostLinks.Sum(link => Counter(link, "tx_bytes")) - Counter(Bridge, "tx_bytes");

    /// <summary>Checks over TCP that every namespace reaches every other one and the bridge's address (a connection made or refused: the peer's stack answered).</summary>
    /// <exception cref="InvalidOperationException">A namespace does not reach a peer; the message holds what the attempt said.</exception>
    public void RequireReachable()
    {
        for (int from = 0; from < _namespaces.Count; from++)
        {
            foreach (var to in Addresses.Where((_, i) => i != from).Append(BridgeAddress))
            {
                // Port 9 (discard) is closed in a fresh namespace: a reachable peer refuses at once, an unreachable one times out.
                var probe = ChildCommand.Run([.. Enter(from), "timeout", "5", "bash", "-c", "exec 3<>\"/dev/tcp/$1/9\"", "probe", to.ToString()]);
                if (!probe.Succeeded && !probe.Error.Contains("Connection refused", StringComparison.Ordinal))
                    throw new InvalidOperationException($"namespace {_namespaces[from]} does not reach {to} through bridge {Bridge}: {probe.Describe()}");
            }
        }
    }

    /// <summary>The namespaces and links of this network that still exist (empty once disposed).</summary>
    public IReadOnlyList<string> Leftovers()
    {
        var links = ChildCommand.Check("ip", "-o", "link", "show").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 3)[1].Trim().Split('@')[0]);
        var namespaces = ChildCommand.Check("ip", "netns", "list").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0]);
        return [.. namespaces.Concat(links).Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.Length > Prefix.Length && char.IsAsciiLetter(name[Prefix.Length]))];
    }

    /// <summary>Deletes the veth pairs, the namespaces and the bridge; failures are kept in <see cref="TeardownErrors"/>, not thrown, so a test's own failure is not hidden.</summary>
    public void Dispose()
    {
        // Deleting a veth end removes both ends at once; a namespace's links otherwise vanish some time after it is deleted.
        foreach (string link in _hostLinks) Teardown("ip", "link", "delete", link);
        foreach (string name in _namespaces) Teardown("ip", "netns", "delete", name);
        if (_bridgeCreated) Teardown("ip", "link", "delete", Bridge);
        _hostLinks.Clear();
        _namespaces.Clear();
        _bridgeCreated = false;
    }

    private void AddNamespaces(int count)
    {
        for (int i = 0; i < count; i++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{Prefix}n{i}");
            ChildCommand added;
            try
            {
                added = ChildCommand.Run("ip", "netns", "add", name);
            }
            catch (Win32Exception e)
            {
                throw Unavailable($"'ip' cannot be run: {e.Message}");
            }
            if (!added.Succeeded) throw Unavailable(added.Error);
            _namespaces.Add(name);
        }
    }

    private void AddBridge()
    {
        ChildCommand.Check("ip", "link", "add", Bridge, "type", "bridge");
        _bridgeCreated = true;
        ChildCommand.Check("ip", "link", "set", Bridge, "addrgenmode", "none"); // no IPv6 link-local chatter in the counters
        ChildCommand.Check("ip", "address", "add", BridgeAddress + "/24", "dev", Bridge);
        ChildCommand.Check("ip", "link", "set", Bridge, "up");
    }

    /// <summary>Joins namespace <paramref name="index"/> to the bridge: its end of a new veth pair gets its address, the other end becomes a bridge port.</summary>
    private void Attach(int index)
    {
        string name = _namespaces[index];
        string host = string.Create(CultureInfo.InvariantCulture, $"{Prefix}h{index}");
        string inside = string.Create(CultureInfo.InvariantCulture, $"{Prefix}p{index}");
        ChildCommand.Check("ip", "link", "add", host, "type", "veth", "peer", "name", inside, "netns", name);
        _hostLinks.Add(host);
        ChildCommand.Check("ip", "-n", name, "link", "set", inside, "addrgenmode", "none");
        ChildCommand.Check("ip", "-n", name, "address", "add", Addresses[index] + "/24", "dev", inside);
        ChildCommand.Check("ip", "-n", name, "link", "set", inside, "up");
        ChildCommand.Check("ip", "-n", name, "link", "set", "lo", "up");
        ChildCommand.Check("ip", "link", "set", host, "addrgenmode", "none");
        ChildCommand.Check("ip", "link", "set", host, "master", Bridge);
        ChildCommand.Check("ip", "link", "set", host, "up");
    }

    /// <summary>
    /// The first three octets (with the dot) of a /24 in 10.231.0.0/16 that no route of any table lies in or covers
    /// but the default route, starting from one chosen by <paramref name="seed"/>, so parallel runs and leftovers of
    /// killed runs do not collide and no route of the machine is shadowed.
    /// </summary>
    private static string FreeSubnet(int seed)
    {
        for (int n = 0; n < 200; n++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"10.231.{20 + (seed + n) % 200}.");
            string subnet = prefix + "0/24";
            bool inside = ChildCommand.Check("ip", "-4", "-o", "route", "show", "table", "all", "root", subnet).Trim().Length > 0;
            bool covered = ChildCommand.Check("ip", "-4", "-o", "route", "show", "table", "all", "match", subnet)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Any(route => Destination(route) != "default");
            if (!inside && !covered) return prefix;
        }
        throw new InvalidOperationException("no /24 of 10.231.0.0/16 is free of routes on this machine");
    }

    /// <summary>The destination of a line of <c>ip route show</c> (after the route type, if any).</summary>
    private static string Destination(string route)
    {
        string[] words = route.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 1 && RouteTypes.Contains(words[0]) ? words[1] : words[0];
    }

    private static long Counter(string link, string counter)
        => long.Parse(File.ReadAllText($"/sys/class/net/{link}/statistics/{counter}"), CultureInfo.InvariantCulture);

    private static InvalidOperationException Unavailable(string error)
        => new($"network namespaces unavailable: {error}; this test needs root (CAP_NET_ADMIN) and iproute2");

    private void Teardown(params string[] command)
    {
        try
        {
            var run = ChildCommand.Run(command);
            if (!run.Succeeded) _teardownErrors.Add(run.Describe());
        }
        catch (Exception e) when (e is Win32Exception or TimeoutException)
        {
            _teardownErrors.Add($"'{string.Join(' ', command)}': {e.Message}");
        }
    }
}
