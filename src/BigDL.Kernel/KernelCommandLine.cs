using System.CommandLine;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Install;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Scripting;
using BigDL.Kernel.Server;
using NetMQ;

namespace BigDL.Kernel;

/// <summary>
/// The kernel's command line — run with a connection file, <c>install</c>, <c>uninstall</c> — for the
/// <c>bigdl-kernel</c> tool and for <c>bigdl kernel</c>. A kernelspec written by <c>install</c> starts the kernel the
/// way it was installed.
/// </summary>
public static class KernelCommandLine
{
    /// <summary>Makes the language session of a kernel process: C# (tests put another session here).</summary>
    internal static Func<ICodeSession> SessionFactory { get; set; } = () => new CSharpSession();

    private const string Description = "A C# Jupyter kernel (BigDL for .NET).";

    /// <summary>The kernel as a subcommand named <paramref name="name"/> (<c>bigdl kernel</c>).</summary>
    /// <param name="name">The subcommand's name.</param>
    /// <param name="launch">What follows the dotnet host in a kernelspec to start this kernel, before the connection
    /// file: the assembly to run and the words leading to this command (e.g. <c>BigDL.Cli.dll kernel</c>).</param>
    public static Command Create(string name, IReadOnlyList<string> launch) => Configure(new Command(name, Description), launch);

    /// <summary>The kernel as a program's root command (<c>bigdl-kernel</c>).</summary>
    /// <param name="launch">As for <see cref="Create"/>.</param>
    public static RootCommand CreateRoot(IReadOnlyList<string> launch) => Configure(new RootCommand(Description), launch);

    private static TCommand Configure<TCommand>(TCommand command, IReadOnlyList<string> launch) where TCommand : Command
    {
        ArgumentNullException.ThrowIfNull(launch);
        var connectionFile = new Argument<string>("connection-file") { Description = "The connection file Jupyter wrote for this kernel" };
        command.Arguments.Add(connectionFile);
        command.Subcommands.Add(KernelSpecCommands.CreateInstall(launch));
        command.Subcommands.Add(KernelSpecCommands.CreateUninstall());
        command.SetAction(result => RunKernel(result.GetRequiredValue(connectionFile), result.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>Frees the messaging library's background threads; call once when the process ends.</summary>
    public static void Release() => NetMQConfig.Cleanup(false);

    private static int RunKernel(string connectionFile, TextWriter error)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Load(connectionFile);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"bigdl-kernel: {e.Message}");
            return 2;
        }
        try
        {
            using var server = new KernelServer(connection, SessionFactory(), error);
            server.Start();
            server.WaitForShutdown();
            return 0;
        }
        catch (NetMQException e)
        {
            error.WriteLine($"bigdl-kernel: cannot listen on the ports of {connectionFile}: {e.Message}");
            return 1;
        }
    }
}
