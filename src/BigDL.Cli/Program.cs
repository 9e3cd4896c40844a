using System.CommandLine;
using BigDL.Cli.Commands;
using Spectre.Console;

// Logs and pipes get whole lines: Spectre wraps at the console's width, 80 columns when output is redirected.
if (Console.IsOutputRedirected) AnsiConsole.Console.Profile.Width = 200;

var root = new RootCommand("BigDL for .NET: distributed deep learning modeled after Torch and Intel BigDL.")
{
    InfoCommand.Create(),
    DemoCommand.Create(),
    TrainCommand.Create(),
    TestCommand.Create(),
    WorkerCommand.Create(),
    // `bigdl kernel …` is the Jupyter kernel (`bigdl-kernel …`); a kernelspec it installs runs `dotnet BigDL.Cli.dll kernel`.
    BigDL.Kernel.KernelCommandLine.Create("kernel", [typeof(InfoCommand).Assembly.Location, "kernel"]),
};
try
{
    return root.Parse(args).Invoke();
}
finally
{
    BigDL.Kernel.KernelCommandLine.Release();
}
