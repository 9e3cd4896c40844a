using System.Globalization;

namespace BigDL.Interactive.Magics;

/// <summary>
/// <c>#!bigdl</c>: where BigDL work runs. Written once here; each host's load script routes its magic-command syntax
/// to <see cref="Run"/> (our kernel passes the line's text; .NET Interactive rebuilds it from its parsed directive).
/// </summary>
public static class BigDLMagic
{
    /// <summary>What the command accepts.</summary>
    public const string Usage = """
        usage:
          #!bigdl local [--cores N]                      train in this process on N cores (default: all)
          #!bigdl cluster --workers N [--cores C]        train on N worker processes of this machine, C cores each (default 1)
          #!bigdl spark --master URL [--nodes N] [--cores C] [--archives A]
                                                         train on Spark executors
          #!bigdl status                                 show the engine, BLAS provider and cluster state
          #!bigdl stop                                   leave the cluster: train in this process on all cores
        """;

    private const string SparkMissing =
        "#!bigdl spark is not available in this version: the Spark backend is not part of it yet; " +
        "#!bigdl cluster trains on worker processes of this machine, #!bigdl local in this process";

    /// <summary>
    /// Runs the command written after <c>#!bigdl</c>; returns what to display (<see cref="EngineStatus"/>). The modes
    /// are the <see cref="Engine"/>'s configuration: <c>cluster --workers N --cores C</c> is <c>Engine.Init(N, C)</c>, so
    /// <see cref="Optim.Optimizer.Create{T}"/> in later cells trains on N worker processes with C cores each (they run
    /// only while <c>Optimize()</c> runs); <c>local --cores C</c> is <c>Engine.Init(1, C)</c>; <c>stop</c> is
    /// <c>local</c> on every core of the machine.
    /// </summary>
    /// <exception cref="MagicUsageException">Unknown subcommand or option, a missing or bad value.</exception>
    /// <exception cref="NotSupportedException"><c>spark</c>: this version cannot run it yet.</exception>
    public static object Run(string arguments)
    {
        var args = MagicArguments.Parse(arguments ?? "");
        switch (args.Subcommand)
        {
            case "local":
                int cores = args.PositiveInt("cores", Environment.ProcessorCount)!.Value;
                args.RejectUnknown("cores");
                Engine.Init(1, cores, onSpark: false);
                return EngineStatus.Current($"BigDL runs locally on {cores} core(s).");
            case "cluster":
                int? workers = args.PositiveInt("workers");
                int coresPerWorker = args.PositiveInt("cores", 1)!.Value;
                args.RejectUnknown("workers", "cores");
                if (workers is not { } n) throw new MagicUsageException("#!bigdl cluster needs --workers N (the number of worker processes)");
                Engine.Init(n, coresPerWorker, onSpark: false);
                return EngineStatus.Current(ClusterNote(n, coresPerWorker));
            case "spark":
                args.Text("master");
                args.PositiveInt("nodes");
                args.PositiveInt("cores");
                args.Text("archives");
                args.RejectUnknown("master", "nodes", "cores", "archives");
                throw new NotSupportedException(SparkMissing);
            case "status":
                args.RejectUnknown();
                return EngineStatus.Current();
            case "stop":
                args.RejectUnknown();
                if (Engine.NodeNumber == 1) return EngineStatus.Current("No cluster is running; training runs in this process.");
                int left = Engine.NodeNumber;
                Engine.Init(1, Environment.ProcessorCount, onSpark: false);
                return EngineStatus.Current(string.Create(CultureInfo.InvariantCulture,
                    $"Left the local cluster of {left} workers: training runs in this process on {Engine.CoreNumber} core(s)."));
            case null:
                throw new MagicUsageException("#!bigdl needs a subcommand");
            default:
                throw new MagicUsageException($"unknown subcommand '{args.Subcommand}'");
        }
    }

    private static string ClusterNote(int workers, int coresPerWorker)
    {
        if (workers == 1)
            return string.Create(CultureInfo.InvariantCulture,
                $"One worker is local mode: training runs in this process on {coresPerWorker} core(s); use --workers 2 or more for worker processes.");
        string note = string.Create(CultureInfo.InvariantCulture,
            $"Optimizer.Create now trains on {workers} worker processes of this machine with {coresPerWorker} core(s) each; ") +
            "they run only while Optimize() runs. #!bigdl local returns to this process.";
        int wanted = workers * coresPerWorker;
        return wanted > Environment.ProcessorCount
            ? note + string.Create(CultureInfo.InvariantCulture, $" The workers use {wanted} cores of the machine's {Environment.ProcessorCount}, so they share them.")
            : note;
    }
}
