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
          #!bigdl cluster --workers N --cores C          train on N local worker processes with C cores each
          #!bigdl spark --master URL [--nodes N] [--cores C] [--archives A]
                                                         train on Spark executors
          #!bigdl status                                 show the engine, BLAS provider and cluster state
          #!bigdl stop                                   stop a running cluster and return to local mode
        """;

    private const string DistributedMissing =
        "is not available in this version: distributed training (the BigDL.Distributed backend) is not part of it yet; " +
        "training runs in this process (#!bigdl local)";

    /// <summary>Runs the command written after <c>#!bigdl</c>; returns what to display.</summary>
    /// <exception cref="MagicUsageException">Unknown subcommand or option, or a bad value.</exception>
    /// <exception cref="NotSupportedException">A mode this version cannot run yet.</exception>
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
                args.PositiveInt("workers");
                args.PositiveInt("cores");
                args.RejectUnknown("workers", "cores");
                throw new NotSupportedException("#!bigdl cluster " + DistributedMissing);
            case "spark":
                args.Text("master");
                args.PositiveInt("nodes");
                args.PositiveInt("cores");
                args.Text("archives");
                args.RejectUnknown("master", "nodes", "cores", "archives");
                throw new NotSupportedException("#!bigdl spark " + DistributedMissing);
            case "status":
                args.RejectUnknown();
                return EngineStatus.Current();
            case "stop":
                args.RejectUnknown();
                return EngineStatus.Current("No cluster is running; training runs in this process.");
            case null:
                throw new MagicUsageException("#!bigdl needs a subcommand");
            default:
                throw new MagicUsageException($"unknown subcommand '{args.Subcommand}'");
        }
    }
}
