namespace BigDL.Distributed.Cluster;

/// <summary>
/// Where the worker binary is: <c>BIGDL_WORKER</c> (a path to <c>bigdl-worker.dll</c>), else <c>bigdl-worker.dll</c>
/// next to this library or the application (every project referencing the worker project gets it there).
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
        string[] folders = [Path.GetDirectoryName(typeof(WorkerExecutable).Assembly.Location) ?? "", AppContext.BaseDirectory];
        foreach (string folder in folders.Where(f => f.Length > 0).Distinct())
        {
            string candidate = Path.Combine(folder, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"no {FileName} in {string.Join(" or ", folders.Distinct())}; reference the BigDL.Worker project (or install the worker) and set {Variable} to its {FileName}", FileName);
    }
}
