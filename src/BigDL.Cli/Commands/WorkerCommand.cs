using System.CommandLine;
using BigDL.Distributed.Worker;

namespace BigDL.Cli.Commands;

/// <summary><c>bigdl worker</c>: one rank of a distributed training job, as started by a launcher (the same as <c>bigdl-worker</c>).</summary>
internal static class WorkerCommand
{
    public static Command Create()
    {
        var control = new Option<string>("--ctrl") { Description = "The launcher's control endpoint, HOST:PORT", Required = true };
        var token = new Option<string?>("--token") { Description = $"The job's token in hex (default: the {WorkerMain.TokenVariable} environment variable)" };
        var mesh = new Option<string?>("--mesh-address") { Description = "The address peers reach this worker at (default: the one its control connection leaves from)" };
        var command = new Command("worker", "Run one worker of a distributed training job (started by the driver's launcher, not by hand).") { control, token, mesh };
        command.SetAction((result, _) =>
        {
            var args = new List<string> { "--ctrl", result.GetValue(control)! };
            if (result.GetValue(token) is { } hex) args.AddRange(["--token", hex]);
            if (result.GetValue(mesh) is { } address) args.AddRange(["--mesh-address", address]);
            return WorkerMain.RunAsync([.. args]);
        });
        return command;
    }
}
