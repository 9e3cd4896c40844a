using System.CommandLine;
using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Install;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Tests.Server;

namespace BigDL.Kernel.Tests.Install;

/// <summary><c>bigdl-kernel install</c> and <c>uninstall</c> through the real command line, always with <c>--prefix</c>
/// under a temporary directory (never the home directory).</summary>
public sealed class KernelSpecCommandsTests : IDisposable
{
    private readonly TempDirectory temp = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    private string Prefix => temp.Path;

    private string KernelDirectory(string name = KernelSpecCommands.DefaultName) =>
        Path.Combine(Prefix, "share", "jupyter", "kernels", name);

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Install_WithPrefix_WritesKernelJsonWithAnAbsoluteCommandAndEnvironment()
    {
        string packages = temp.Sub("feed");
        string more = temp.Sub("more packages");

        Assert.Equal(0, Invoke("install", "--prefix", Prefix, "--nuget-source", packages, "--nuget-source", more));

        JsonNode spec = JsonNode.Parse(File.ReadAllText(Path.Combine(KernelDirectory(), "kernel.json")))!;
        string[] argv = spec["argv"]!.AsArray().Select(a => (string)a!).ToArray();
        Assert.Equal(3, argv.Length);
        Assert.True(Path.IsPathRooted(argv[0]) && File.Exists(argv[0]), $"dotnet host '{argv[0]}'");
        Assert.Equal("dotnet", Path.GetFileName(argv[0]));
        Assert.True(Path.IsPathRooted(argv[1]) && File.Exists(argv[1]), $"kernel '{argv[1]}'");
        Assert.Equal("BigDL.Kernel.dll", Path.GetFileName(argv[1]));
        Assert.Equal("{connection_file}", argv[2]);
        Assert.Equal("C# (BigDL)", (string?)spec["display_name"]);
        Assert.Equal("C#", (string?)spec["language"]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
        Assert.Equal(Path.GetDirectoryName(argv[0]), (string?)spec["env"]!["DOTNET_ROOT"]);
        Assert.Equal($"{packages}{Path.PathSeparator}{more}", (string?)spec["env"]!["BIGDL_NUGET_SOURCES"]);
        Assert.Contains(KernelDirectory(), output.ToString());
    }

    [Fact]
    public void Install_WithoutSources_LeavesThePackageVariableOut()
    {
        Assert.Equal(0, Invoke("install", "--prefix", Prefix));

        JsonNode env = JsonNode.Parse(File.ReadAllText(Path.Combine(KernelDirectory(), "kernel.json")))!["env"]!;

        Assert.Null(env["BIGDL_NUGET_SOURCES"]);
        Assert.NotNull(env["DOTNET_ROOT"]);
    }

    [Fact]
    public void InstalledKernel_IsListedByJupyterKernelspecList()
    {
        Assert.Equal(0, Invoke("install", "--prefix", Prefix, "--name", "bigdl-test", "--display-name", "C# (test)"));

        string json = DebianPython.Run(["/usr/bin/jupyter", "kernelspec", "list", "--json"], environment: new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = Path.Combine(Prefix, "share", "jupyter"),
            ["JUPYTER_DATA_DIR"] = temp.Sub("user-data"),
        });
        JsonNode listed = JsonNode.Parse(json)!["kernelspecs"]!["bigdl-test"]!;

        Assert.Equal(KernelDirectory("bigdl-test"), (string?)listed["resource_dir"]);
        Assert.Equal("C# (test)", (string?)listed["spec"]!["display_name"]);
        Assert.Equal("message", (string?)listed["spec"]!["interrupt_mode"]);
    }

    [Fact]
    public void Uninstall_RemovesTheKernelspec_AndASecondUninstallFails()
    {
        Assert.Equal(0, Invoke("install", "--prefix", Prefix));

        Assert.Equal(0, Invoke("uninstall", "--prefix", Prefix));
        Assert.False(Directory.Exists(KernelDirectory()));
        Assert.Equal(1, Invoke("uninstall", "--prefix", Prefix));
        Assert.Contains($"No kernelspec '{KernelSpecCommands.DefaultName}'", error.ToString());
    }

    [Fact]
    public void Install_WithTwoLocations_FailsNamingThem()
    {
        Assert.Equal(1, Invoke("install", "--user", "--prefix", Prefix));

        Assert.Contains("Choose one of --user, --sys-prefix and --prefix", error.ToString());
        Assert.False(Directory.Exists(Path.Combine(Prefix, "share")));
    }

    [Fact]
    public void Install_WithAnInvalidName_FailsNamingIt()
    {
        Assert.Equal(1, Invoke("install", "--prefix", Prefix, "--name", "My Kernel"));

        Assert.Contains("'My Kernel'", error.ToString());
    }

    [Fact]
    public void Install_WithAMissingSourceFolder_FailsNamingIt()
    {
        string missing = Path.Combine(Prefix, "no-such-feed");

        Assert.Equal(1, Invoke("install", "--prefix", Prefix, "--nuget-source", missing));

        Assert.Contains(missing, error.ToString());
        Assert.False(Directory.Exists(KernelDirectory()));
    }

    [Fact]
    public void Kernel_WithAMissingConnectionFile_ExitsWith2NamingIt()
    {
        string missing = Path.Combine(Prefix, "connection.json");

        Assert.Equal(2, Invoke(missing));

        Assert.Contains(missing, error.ToString());
    }

    [Fact]
    public void Kernel_WhosePortIsTaken_ExitsWith1SayingItCannotListen()
    {
        using var squatter = new NetMQ.Sockets.ResponseSocket();
        int taken = squatter.BindRandomPort("tcp://127.0.0.1");
        string file = Path.Combine(Prefix, "connection.json");
        File.WriteAllText(file, new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, taken, "k", ConnectionInfo.HmacSha256).ToJson());
        Func<ICodeSession> wired = KernelCommandLine.SessionFactory;
        KernelCommandLine.SessionFactory = () => new ScriptedSession();
        try
        {
            Assert.Equal(1, Invoke(file));
        }
        finally
        {
            KernelCommandLine.SessionFactory = wired;
        }

        Assert.Contains($"cannot listen on the ports of {file}", error.ToString());
    }

    private int Invoke(params string[] args) =>
        Program.CreateCommand().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
}
