using System.Reflection;
using Microsoft.AspNetCore.Html;
using Plotly.NET;

namespace BigDL.Interactive.Charts;

/// <summary>
/// plotly.js for notebooks without network: the copy Plotly.NET embeds (version <see cref="Version"/>, about 3.6 MB),
/// as one inline <c>&lt;script&gt;</c> that defines <c>window.Plotly</c>. Display <see cref="Script"/> once per notebook
/// (<see cref="NotebookHost.Attach"/> does when the extension loads); every chart output afterwards draws with it.
/// </summary>
public static class PlotlyJs
{
    private const string ResourcePrefix = "Plotly.NET.plotly-", ResourceSuffix = ".min.js";

    private static readonly Lazy<string> Source = new(ReadSource);

    /// <summary>The plotly.js version embedded, e.g. "2.28.0".</summary>
    public static string Version => ResourceName()[ResourcePrefix.Length..^ResourceSuffix.Length];

    /// <summary>Characters of the minified plotly.js (3,608,237 for 2.28.0): what each notebook that shows it stores once.</summary>
    public static int Length => Source.Value.Length;

    /// <summary>
    /// An HTML <c>&lt;script&gt;</c> with plotly.js inline. It hides an AMD loader (<c>define</c>, as the classic
    /// notebook has require.js) and CommonJS names from plotly.js, so it always sets the global <c>Plotly</c>.
    /// </summary>
    public static IHtmlContent Script()
        => new HtmlString("<script type=\"text/javascript\">(function (define, module, exports) {\n" + Source.Value + "\n})();</script>");

    private static string ReadSource()
    {
        using var stream = PlotlyAssembly.GetManifestResourceStream(ResourceName())
            ?? throw new InvalidOperationException($"{PlotlyAssembly.GetName().Name} has no plotly.js resource");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Assembly PlotlyAssembly => typeof(GenericChart).Assembly;

    private static string ResourceName()
        => PlotlyAssembly.GetManifestResourceNames().SingleOrDefault(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
           ?? throw new InvalidOperationException(
               $"{PlotlyAssembly.GetName().Name} {PlotlyAssembly.GetName().Version} embeds no {ResourcePrefix}<version>{ResourceSuffix}; its resources: {string.Join(", ", PlotlyAssembly.GetManifestResourceNames())}");
}
