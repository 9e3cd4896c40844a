using BigDL.Interactive.Formatting;
using BigDL.Interactive.Magics;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive;

/// <summary>
/// What the package's load script (<c>interactive-extensions/dotnet/extension.dib</c>) calls in every host after
/// <c>#r "nuget:BigDL"</c>: registers the formatters. Idempotent, so loading the package twice is harmless.
/// </summary>
public static class BigDLExtension
{
    private static readonly Lock Gate = new();
    private static bool loaded;

    /// <summary>Registers BigDL's formatters with the shared formatter registry.</summary>
    public static void Load()
    {
        lock (Gate)
        {
            if (loaded) return;
            BigDLFormatters.Register();
            Formatter.Register<EngineStatus>(status => status.ToHtml(), "text/html");
            Formatter.Register<EngineStatus>(status => status.ToString(), "text/plain");
            Formatter.SetPreferredMimeTypesFor(typeof(EngineStatus), "text/html", "text/plain");
            loaded = true;
        }
    }
}
