using System.Text;
using System.Text.RegularExpressions;

namespace BigDL.Kernel.Server;

/// <summary>
/// The inputs this kernel has executed with <c>store_history</c> (and their values' plain text), answering IPython's
/// three history queries.
/// This kernel is session <see cref="SessionNumber"/>; a range of session 0 means this one too.
/// </summary>
internal sealed class ExecutionHistory
{
    /// <summary>The session number this kernel's entries carry.</summary>
    public const int SessionNumber = 1;

    private const int DefaultTail = 10;

    private readonly List<HistoryEntry> entries = [];

    /// <summary>Records that <paramref name="input"/> ran as line <paramref name="line"/>.</summary>
    public void Add(int line, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        entries.Add(new HistoryEntry(SessionNumber, line, input));
    }

    /// <summary>Records the plain text of line <paramref name="line"/>'s value.</summary>
    public void RecordOutput(int line, string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int index = entries.FindLastIndex(e => e.Line == line);
        if (index < 0)
            throw new ArgumentOutOfRangeException(nameof(line), line, $"No input was recorded at line {line}.");
        entries[index] = entries[index] with { Output = output };
    }

    /// <summary>The latest <paramref name="n"/> entries (10 when absent), oldest first.</summary>
    public IReadOnlyList<HistoryEntry> Tail(int? n) => Latest(entries, n ?? DefaultTail);

    /// <summary>Entries of <paramref name="session"/> with <paramref name="start"/> ≤ line &lt; <paramref name="stop"/>.</summary>
    public IReadOnlyList<HistoryEntry> Range(int session, int start, int? stop)
    {
        if (session != 0 && session != SessionNumber)
            return [];
        return entries.Where(e => e.Line >= start && (stop is null || e.Line < stop)).ToList();
    }

    /// <summary>Entries whose whole input matches the glob <paramref name="pattern"/> (<c>*</c>, <c>?</c>, <c>[…]</c>,
    /// <c>[^…]</c>), the latest <paramref name="n"/> when given; with <paramref name="unique"/>, each input once, at its
    /// latest line.</summary>
    public IReadOnlyList<HistoryEntry> Search(string pattern, int? n, bool unique)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Regex glob = GlobToRegex(pattern);
        List<HistoryEntry> matches = entries.Where(e => glob.IsMatch(e.Input)).ToList();
        if (unique)
            matches = matches.GroupBy(e => e.Input).Select(g => g.Last()).OrderBy(e => e.Line).ToList();
        return n is null ? matches : Latest(matches, n.Value);
    }

    private static List<HistoryEntry> Latest(List<HistoryEntry> source, int n) =>
        n <= 0 ? [] : source.Skip(Math.Max(0, source.Count - n)).ToList();

    private static Regex GlobToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            int close = c == '[' ? pattern.IndexOf(']', i + 2) : -1;
            if (c == '*')
                regex.Append(".*");
            else if (c == '?')
                regex.Append('.');
            else if (close > 0)
            {
                regex.Append(CharacterClass(pattern[(i + 1)..close]));
                i = close;
            }
            else
                regex.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }

    private static string CharacterClass(string body)
    {
        bool negated = body[0] is '^' or '!';
        string members = (negated ? body[1..] : body).Replace(@"\", @"\\").Replace("[", @"\[");
        return (negated ? "[^" : "[") + members + "]";
    }
}
