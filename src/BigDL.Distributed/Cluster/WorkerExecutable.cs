namespace BigDL.Distributed.Cluster;

/// <summary>
/// Where the worker binary is: <c>BIGDL_WORKER</c> (a path to <c>bigdl-worker.dll</c>), else <c>bigdl-worker.dll</c>
/// next to this library or the application (every project referencing the worker project gets it there), else in the
/// application's <c>bigdl-worker/</c> (where the <c>BigDL</c> package's build copies it), else in
/// <c>../../tools/bigdl-worker/</c> from this library's folder — the layout of the package, whose <c>lib/net10.0/</c>
/// holds this library and whose <c>tools/bigdl-worker/</c> the worker with its dependencies (so a notebook starts
/// workers from the NuGet cache).
/// </summary>
internal static class WorkerExecutable
{
    /// <summary>The environment variable naming the worker assembly to run.</summary>
    public const string Variable = "BIGDL_WORKER";

    private const string FileName = "bigdl-worker.dll";

    /// <summary>The full path of the worker assembly.</summary>
    /// <exception cref="FileNotFoundException">No worker was found; the message says where it was looked for.</exception>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } given)
        {
            string full = Path.GetFullPath(given);
            return File.Exists(full) ? full : throw new FileNotFoundException($"{Variable} names {full}, which does not exist", full);
        }
        return Locate(Path.GetDirectoryName(typeof(WorkerExecutable).Assembly.Location) ?? "", AppContext.BaseDirectory);
    }

    /// <summary>
    /// The worker assembly next to the library in <paramref name="libraryFolder"/> or the application in
    /// <paramref name="applicationFolder"/>, in the application's <c>bigdl-worker/</c> (where the BigDL package's build
    /// puts it), or in the package's <c>tools/bigdl-worker/</c> relative to the library's folder (notebooks).
    /// </summary>
    /// <exception cref="FileNotFoundException">None of these folders has it; the message lists them.</exception>
    internal static string Locate(string libraryFolder, string applicationFolder)
    {
        string[] folders = [libraryFolder, applicationFolder];
        if (applicationFolder.Length > 0) folders = [.. folders, Path.Combine(applicationFolder, "bigdl-worker")];
        if (libraryFolder.Length > 0) folders = [.. folders, Path.Combine(libraryFolder, "..", "..", "tools", "bigdl-worker")];
        folders = [.. folders.Where(f => f.Length > 0).Select(f => Path.TrimEndingDirectorySeparator(Path.GetFullPath(f))).Distinct()];
        foreach (string folder in folders)
        {
            string candidate = Path.Combine(folder, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"no {FileName} in {string.Join(" or ", folders)} (next to BigDL.Distributed.dll or the application, in the application's bigdl-worker/, or in the BigDL package's tools/bigdl-worker/); " +
            $"reference the BigDL.Worker project or the BigDL package, or set {Variable} to a {FileName}", FileName);
    }
}
