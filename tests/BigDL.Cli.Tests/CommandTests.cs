using System.Diagnostics;
using BigDL.Cli.Commands;

namespace BigDL.Cli.Tests;

/// <summary>The <c>bigdl</c> commands, in process and as a real process.</summary>
public class CommandTests
{
    [Fact]
    public void Info_OnThisMachine_ListsEveryProviderAndTheChoice()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, InfoCommand.Run(output, error));
        string text = output.ToString();
        Assert.Contains("openblas  present", text);
        Assert.Contains("mkl       present", text);
        Assert.Contains("managed   present", text);
        Assert.Contains("Chosen", text);
        Assert.Contains($"Engine      {Engine.CoreNumber} cores", text);
        Assert.Equal("", error.ToString());
    }

    [Fact]
    public void Demo_SmallGemm_PrintsTensorAndACheckedTiming()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, DemoCommand.Run(size: 96, runs: 2, output, error));
        string text = output.ToString();
        Assert.Contains("1.0\t1.0\t\n1.0\t1.0\t\n[BigDL.Tensors.Tensor<double> of size 2x2]", text);
        Assert.Contains("GEMM 96x96x96 float on", text);
        Assert.Contains("(C[0,0] checked)", text);
    }

    [Fact]
    public void Demo_BadSize_ExitsTwoWithAMessage()
    {
        var error = new StringWriter();
        Assert.Equal(2, DemoCommand.Run(size: 0, runs: 1, TextWriter.Null, error));
        Assert.Contains("--size 0", error.ToString());
    }

    [Fact]
    public void Process_UnknownBlasProvider_FailsWithTheVariableNamed()
    {
        var (code, stdout, stderr) = RunCli(["demo", "--size", "8"], ("BIGDL_BLAS", "cuda"));
        Assert.NotEqual(0, code);
        Assert.Contains("BIGDL_BLAS", stderr + stdout);
        Assert.Contains("cuda", stderr + stdout);
    }

    [Fact]
    public void Process_ForcedMkl_IsChosenAndNamed()
    {
        var (code, stdout, _) = RunCli(["demo", "--size", "64", "--runs", "1"], ("BIGDL_BLAS", "mkl"));
        Assert.Equal(0, code);
        Assert.Contains("float on mkl", stdout);
    }

    [Fact]
    public void Process_KernelInstall_WritesAKernelspecThatStartsBigdlKernel()
    {
        string prefix = Directory.CreateTempSubdirectory("bigdl-kernel-spec-").FullName;
        try
        {
            var (code, stdout, stderr) = RunCli(["kernel", "install", "--prefix", prefix], ("BIGDL_BLAS", "managed"));
            Assert.True(code == 0, stderr);
            string spec = Path.Combine(prefix, "share", "jupyter", "kernels", "bigdl-csharp", "kernel.json");
            Assert.Contains(spec[..^"/kernel.json".Length], stdout);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(spec));
            var argv = json.RootElement.GetProperty("argv").EnumerateArray().Select(a => a.GetString()!).ToArray();
            Assert.Equal([Path.Combine(AppContext.BaseDirectory, "BigDL.Cli.dll"), "kernel", "{connection_file}"], argv[1..]);
            Assert.True(File.Exists(argv[0]), $"the dotnet host {argv[0]} exists");
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }
    }

    private static (int Code, string Stdout, string Stderr) RunCli(string[] args, (string Name, string Value) env)
    {
        string cli = Path.Combine(AppContext.BaseDirectory, "BigDL.Cli.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(cli);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment[env.Name] = env.Value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "bigdl did not exit within 60 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
