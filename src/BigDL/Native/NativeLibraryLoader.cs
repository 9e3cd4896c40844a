using System.Runtime.InteropServices;

namespace BigDL.Native;

/// <summary>
/// Loads a native library from a list of candidate names and paths, keeping a trace of every attempt.
/// </summary>
/// <remarks>
/// Each library is opened with <see cref="NativeLibrary.Load(string)"/> (on Linux <c>dlopen</c> without
/// <c>RTLD_GLOBAL</c>) and its functions are taken from that handle only, so MKL and OpenBLAS, which export
/// the same <c>cblas_*</c> names, live side by side in one process. Nothing here throws when a library is
/// missing: the caller gets a <see cref="NativeLibraryLoad{TApi}"/> whose <see cref="NativeLibraryLoad{TApi}.Api"/>
/// is null and whose attempts say why.
/// </remarks>
internal static class NativeLibraryLoader
{
    /// <summary>
    /// Tries <paramref name="candidates"/> in order; the first that loads and that <paramref name="bind"/> accepts wins.
    /// </summary>
    /// <param name="library">Human name used in messages.</param>
    /// <param name="candidates">File names (searched by the OS loader) or absolute paths.</param>
    /// <param name="bind">
    /// Reads the exports; throws <see cref="EntryPointNotFoundException"/> when required symbols are missing or
    /// <see cref="NotSupportedException"/> when the library is unusable, and the loader moves on to the next candidate.
    /// </param>
    public static NativeLibraryLoad<TApi> Load<TApi>(string library, IReadOnlyList<string> candidates, Func<NativeExports, TApi> bind)
        where TApi : class
    {
        var attempts = new List<string>(candidates.Count);
        foreach (string candidate in candidates)
        {
            nint handle;
            try
            {
                handle = NativeLibrary.Load(candidate);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
            {
                attempts.Add($"{candidate}: {LoaderError(candidate, e.Message)}");
                continue;
            }

            try
            {
                TApi api = bind(new NativeExports(handle));
                attempts.Add($"{candidate}: loaded");
                return new NativeLibraryLoad<TApi>(library, api, candidate, attempts);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or NotSupportedException)
            {
                attempts.Add($"{candidate}: loaded, but {OneLine(e.Message)}");
                NativeLibrary.Free(handle);
            }
        }
        if (attempts.Count == 0) attempts.Add("(no candidate names for this platform)");
        return new NativeLibraryLoad<TApi>(library, null, null, attempts);
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();

    /// <summary>
    /// The OS loader's own words: .NET puts them on the last line of its message, after general advice
    /// (on Linux the <c>dlerror()</c> text, which starts with the path again).
    /// </summary>
    private static string LoaderError(string candidate, string message)
    {
        string[] lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0) return "not loaded";
        string last = lines[^1];
        return last.StartsWith(candidate + ": ", StringComparison.Ordinal) ? last[(candidate.Length + 2)..] : OneLine(last);
    }
}
