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
        var command = new Command("worker", "Run one worker of a distributed training job (started by the driver's launcher, not by hand).") { control, token };
        command.SetAction((result, _) =>
        {
            string[] args = result.GetValue(token) is { } hex ? ["--ctrl", result.GetValue(control)!, "--token", hex] : ["--ctrl", result.GetValue(control)!];
            return WorkerMain.RunAsync(args);
        });
        return command;
    }
}
