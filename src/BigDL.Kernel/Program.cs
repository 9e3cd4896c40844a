using System.CommandLine;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Install;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Scripting;
using BigDL.Kernel.Server;
using NetMQ;

namespace BigDL.Kernel;

/// <summary><c>bigdl-kernel &lt;connection-file&gt;</c> runs the kernel; <c>install</c> and <c>uninstall</c> manage its kernelspec.</summary>
internal static class Program
{
    /// <summary>Makes the language session of a kernel process: C# (tests put another session here).</summary>
    internal static Func<ICodeSession> SessionFactory { get; set; } = () => new CSharpSession();

    private static int Main(string[] args)
    {
        try
        {
            return CreateCommand().Parse(args).Invoke();
        }
        finally
        {
            NetMQConfig.Cleanup(false);
        }
    }

    /// <summary>The command line: the kernel itself, and the kernelspec commands.</summary>
    internal static RootCommand CreateCommand()
    {
        var connectionFile = new Argument<string>("connection-file") { Description = "The connection file Jupyter wrote for this kernel" };
        var root = new RootCommand("A C# Jupyter kernel (BigDL for .NET).")
        {
            connectionFile,
            KernelSpecCommands.CreateInstall(),
            KernelSpecCommands.CreateUninstall(),
        };
        root.SetAction(result => RunKernel(result.GetRequiredValue(connectionFile), result.InvocationConfiguration.Error));
        return root;
    }

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
