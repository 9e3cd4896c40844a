using System.CommandLine;
using BigDL.Cli.Commands;

var root = new RootCommand("BigDL for .NET: distributed deep learning modeled after Torch and Intel BigDL.")
{
    InfoCommand.Create(),
    DemoCommand.Create(),
};
return root.Parse(args).Invoke();
