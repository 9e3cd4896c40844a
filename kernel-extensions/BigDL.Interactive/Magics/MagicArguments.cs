using System.Text;

namespace BigDL.Interactive.Magics;

/// <summary>
/// The words after a magic command's name: a subcommand, then <c>--option value</c> or <c>--option=value</c> pairs.
/// Values may be quoted with <c>"</c> or <c>'</c>. Every option must be consumed by the command, so a misspelt one is
/// reported instead of ignored.
/// </summary>
public sealed class MagicArguments
{
    private readonly Dictionary<string, string> options;
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);

    private MagicArguments(string? subcommand, Dictionary<string, string> options)
    {
        Subcommand = subcommand;
        this.options = options;
    }

    /// <summary>The first word, or <c>null</c> when there is none.</summary>
    public string? Subcommand { get; }

    /// <summary>Splits <paramref name="text"/>.</summary>
    /// <exception cref="MagicUsageException">An option without a value, a stray word, an option given twice, or an open quote.</exception>
    public static MagicArguments Parse(string text)
    {
        var words = Split(text);
        string? subcommand = words.Count > 0 && !words[0].StartsWith("--", StringComparison.Ordinal) ? words[0] : null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = subcommand is null ? 0 : 1; i < words.Count; i++)
        {
            string word = words[i];
            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
                throw new MagicUsageException($"unexpected '{word}': options are written --name value");
            string name, value;
            int equals = word.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                (name, value) = (word[2..equals], word[(equals + 1)..]);
            }
            else
            {
                if (i + 1 >= words.Count || words[i + 1].StartsWith("--", StringComparison.Ordinal))
                    throw new MagicUsageException($"option --{word[2..]} needs a value");
                (name, value) = (word[2..], words[++i]);
            }
            if (!options.TryAdd(name, value)) throw new MagicUsageException($"option --{name} is given twice");
        }
        return new MagicArguments(subcommand, options);
    }

    /// <summary>A positive whole number option, or <paramref name="fallback"/> when absent.</summary>
    public int? PositiveInt(string name, int? fallback = null)
    {
        if (!options.TryGetValue(name, out string? text)) return fallback;
        consumed.Add(name);
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new MagicUsageException($"--{name} expects a positive whole number, got '{text}'");
    }

    /// <summary>A text option, or <c>null</c> when absent.</summary>
    public string? Text(string name)
    {
        if (!options.TryGetValue(name, out string? value)) return null;
        consumed.Add(name);
        return value;
    }

    /// <summary>Fails on any option the command did not read.</summary>
    /// <exception cref="MagicUsageException">Naming the unknown options and the known ones.</exception>
    public void RejectUnknown(params string[] known)
    {
        var unknown = options.Keys.Where(k => !consumed.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length == 0) return;
        string allowed = known.Length == 0 ? "it takes no options" : "it takes " + string.Join(", ", known.Select(k => "--" + k));
        throw new MagicUsageException($"unknown option{(unknown.Length > 1 ? "s" : "")} {string.Join(", ", unknown.Select(u => "--" + u))} for '{Subcommand}': {allowed}");
    }

    private static List<string> Split(string text)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        bool inWord = false;
        foreach (char c in text)
        {
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else word.Append(c);
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null) throw new MagicUsageException($"a quote ({quote}) is not closed");
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
