using System.CommandLine;

namespace BigDL.Kernel;

/// <summary><c>bigdl-kernel &lt;connection-file&gt;</c> runs the kernel; <c>install</c> and <c>uninstall</c> manage its kernelspec.</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        try
        {
            return CreateCommand().Parse(args).Invoke();
        }
        finally
        {
            KernelCommandLine.Release();
        }
    }

    /// <summary>The command line of the <c>bigdl-kernel</c> tool: its kernelspecs run this assembly.</summary>
    internal static RootCommand CreateCommand() => KernelCommandLine.CreateRoot([typeof(Program).Assembly.Location]);
}
