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
};
return root.Parse(args).Invoke();
