using System.Text.Json;

namespace BigDL.Kernel.Packages;

/// <summary>
/// A .dib document (.NET Interactive's plain-text notebook and extension-script format) split into cells.
/// </summary>
/// <remarks>
/// A line <c>#!&lt;name&gt;</c> that names a kernel starts a new cell: <c>csharp</c> (<c>c#</c>, <c>C#</c>),
/// <c>fsharp</c> (<c>f#</c>, <c>F#</c>), <c>pwsh</c> (<c>powershell</c>), <c>javascript</c> (<c>js</c>), <c>html</c>,
/// <c>sql</c>, <c>kql</c>, <c>mermaid</c>, <c>http</c>, <c>value</c>, <c>markdown</c> (<c>md</c>), and any kernel the
/// metadata lists. Any other <c>#!</c> line (a magic command such as <c>#!time</c>) stays in its cell. The first
/// <c>#!meta</c> line starts the metadata: the JSON lines up to the next <c>#!</c> line, whose <c>kernelInfo</c> items may
/// name more kernels (with aliases); the metadata is not a cell. Text before the first marker belongs to C# (the
/// format's default kernel). Cells lose their leading and trailing blank lines; empty cells are dropped.
/// </remarks>
public sealed class DibDocument
{
    private const string MarkerPrefix = "#!";
    private const string MetadataMarker = "#!meta";

    /// <summary>.NET Interactive's kernels and their aliases.</summary>
    private static readonly (string Name, string[] Aliases)[] StandardKernels =
    [
        (DibCell.CSharp, ["c#", "C#"]), ("fsharp", ["f#", "F#"]), ("pwsh", ["powershell"]), ("javascript", ["js"]),
        ("html", []), ("sql", []), ("kql", []), ("mermaid", []), ("http", []), ("value", []), (DibCell.Markdown, ["md"]),
    ];

    private DibDocument(IReadOnlyList<DibCell> cells) => Cells = cells;

    /// <summary>The cells in document order.</summary>
    public IReadOnlyList<DibCell> Cells { get; }

    /// <summary>The cells that are neither C# nor markdown, which a C# kernel cannot run.</summary>
    public IReadOnlyList<DibCell> UnsupportedCells => Cells.Where(c => !c.IsCSharp && !c.IsMarkdown).ToList();

    /// <summary>Splits <paramref name="text"/> into cells.</summary>
    /// <exception cref="FormatException">The <c>#!meta</c> block is not a JSON object; the message gives its line.</exception>
    public static DibDocument Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kernels = StandardKernels.SelectMany(k => k.Aliases.Append(k.Name).Select(alias => (alias, k.Name)))
            .ToDictionary(k => k.alias, k => k.Name, StringComparer.Ordinal);
        var metadataRead = false;
        var cells = new List<DibCell>();
        var current = new CellBuilder(DibCell.CSharp, 1);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (!metadataRead && line.TrimEnd() == MetadataMarker)
            {
                metadataRead = true;
                var end = NextMarker(lines, i + 1);
                ReadMetadata(lines[(i + 1)..end], i + 1, kernels);
                i = end - 1;
            }
            else if (line.StartsWith(MarkerPrefix, StringComparison.Ordinal) && kernels.TryGetValue(line[MarkerPrefix.Length..].TrimEnd(), out var kernel))
            {
                current.AddTo(cells);
                current = new CellBuilder(kernel, i + 2);
            }
            else
            {
                current.Add(line);
            }
        }

        current.AddTo(cells);
        return new DibDocument(cells);
    }

    private static int NextMarker(string[] lines, int from)
    {
        var end = from;
        while (end < lines.Length && !lines[end].StartsWith(MarkerPrefix, StringComparison.Ordinal))
        {
            end++;
        }

        return end;
    }

    /// <summary>Adds the kernels (names and aliases) of the metadata's <c>kernelInfo</c> to <paramref name="kernels"/>.</summary>
    private static void ReadMetadata(string[] lines, int markerLine, Dictionary<string, string> kernels)
    {
        var json = string.Join('\n', lines);
        if (string.IsNullOrWhiteSpace(json))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.TryGetProperty("kernelInfo", out var info) && info.ValueKind == JsonValueKind.Object)
            {
                AddKernels(info, kernels);
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new FormatException($"The #!meta block of the .dib document (line {markerLine}) is not a JSON object: {e.Message}", e);
        }
    }

    private static void AddKernels(JsonElement kernelInfo, Dictionary<string, string> kernels)
    {
        if (!kernelInfo.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            if (item.TryGetProperty("name", out var nameElement) && nameElement.GetString() is { Length: > 0 } name)
            {
                var canonical = kernels.GetValueOrDefault(name, name);
                kernels.TryAdd(name, canonical);
                foreach (var alias in Aliases(item))
                {
                    kernels.TryAdd(alias, canonical);
                }
            }
        }
    }

    private static IEnumerable<string> Aliases(JsonElement kernel) =>
        kernel.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array
            ? aliases.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).Where(a => a.Length > 0).ToList()
            : [];

    /// <summary>The lines of the cell being read.</summary>
    private sealed class CellBuilder(string kernel, int firstLine)
    {
        private readonly List<string> _lines = [];

        public void Add(string line) => _lines.Add(line);

        public void AddTo(List<DibCell> cells)
        {
            var start = _lines.FindIndex(l => !string.IsNullOrWhiteSpace(l));
            if (start < 0)
            {
                return;
            }

            var end = _lines.FindLastIndex(l => !string.IsNullOrWhiteSpace(l));
            cells.Add(new DibCell(kernel, string.Join('\n', _lines.Skip(start).Take(end - start + 1)), firstLine + start));
        }
    }
}
