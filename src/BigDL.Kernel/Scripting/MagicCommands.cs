using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Lines of the form <c>#!name arguments…</c> in a cell: kernel selectors (<c>#!csharp</c>, <c>#!c#</c>), which this
/// single-language kernel ignores, and magic commands that packages' extension scripts register (BigDL's
/// <c>#!bigdl</c>). The lines leave the code the compiler sees as empty lines, so diagnostics keep their line numbers.
/// </summary>
internal sealed partial class MagicCommands
{
    private static readonly HashSet<string> Selectors = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#" };
    private readonly ConcurrentDictionary<string, Func<string, object?>> handlers = new(StringComparer.Ordinal);

    /// <summary>Registers (or replaces) the handler of <c>#!<paramref name="name"/></c>.</summary>
    public void Register(string name, Func<string, object?> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!NamePattern().IsMatch(name ?? ""))
            throw new ArgumentException($"a magic command name is letters, digits, '-' or '_', got '{name}'", nameof(name));
        handlers[name!] = handler;
    }

    /// <summary>The names registered so far, sorted.</summary>
    public IReadOnlyList<string> Names => handlers.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Splits <paramref name="code"/> into the magic invocations it contains, in order, and the code without them.
    /// </summary>
    /// <exception cref="UnknownMagicException">A line names no registered magic command.</exception>
    public (IReadOnlyList<MagicInvocation> Invocations, string Code) Extract(string code)
    {
        var invocations = new List<MagicInvocation>();
        string[] lines = code.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var match = LinePattern().Match(lines[i].TrimEnd('\r'));
            if (!match.Success) continue;
            string name = match.Groups["name"].Value;
            lines[i] = "";
            if (Selectors.Contains(name)) continue;
            if (!handlers.TryGetValue(name, out var handler)) throw new UnknownMagicException(name, i + 1, Names);
            invocations.Add(new MagicInvocation(name, match.Groups["args"].Value.Trim(), handler));
        }
        return (invocations, string.Join('\n', lines));
    }

    [GeneratedRegex(@"^\s*#!(?<name>[^\s]+)(?<args>.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_\-]+$")]
    private static partial Regex NamePattern();
}
