using BigDL.Kernel.Install;

namespace BigDL.Kernel.Tests.Install;

public sealed class JupyterDataDirectoryTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void User_PrefersJupyterDataDir_ThenXdgDataHome_ThenHome()
    {
        Assert.Equal("/data/jupyter-here", JupyterDataDirectory.User(Env(("JUPYTER_DATA_DIR", "/data/jupyter-here"), ("XDG_DATA_HOME", "/xdg"))));
        Assert.Equal("/xdg/jupyter", JupyterDataDirectory.User(Env(("XDG_DATA_HOME", "/xdg"), ("HOME", "/home/u"))));
        Assert.Equal("/home/u/.local/share/jupyter", JupyterDataDirectory.User(Env(("HOME", "/home/u"))));
    }

    [Fact]
    public void User_MatchesJupyterCoresRule()
    {
        string data = temp.Sub("xdg");
        string expected = DebianPython.Run(["-c", "from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())"],
            environment: new Dictionary<string, string> { ["XDG_DATA_HOME"] = data, ["JUPYTER_DATA_DIR"] = "" }).Trim();

        Assert.Equal(expected, JupyterDataDirectory.User(Env(("XDG_DATA_HOME", data))));
    }

    [Fact]
    public void SysPrefix_IsTheParentOfTheBinDirectoryOfJupyterOnPath()
    {
        string bin = temp.Sub("env", "bin");
        File.WriteAllText(Path.Combine(bin, "jupyter"), "");

        Assert.Equal(Path.Combine(temp.Path, "env", "share", "jupyter"),
            JupyterDataDirectory.SysPrefix(Env(("PATH", $"{temp.Sub("empty")}{Path.PathSeparator}{bin}"))));
    }

    [Fact]
    public void SysPrefix_FollowsSymbolicLinksToTheRealEnvironment()
    {
        string bin = temp.Sub("env", "bin");
        File.WriteAllText(Path.Combine(bin, "jupyter"), "");
        File.CreateSymbolicLink(Path.Combine(temp.Sub("links"), "jupyter"), Path.Combine(bin, "jupyter"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "linked-bin"), bin);

        Assert.Equal(Path.Combine(temp.Path, "env", "share", "jupyter"), JupyterDataDirectory.SysPrefix(Env(("PATH", Path.Combine(temp.Path, "links")))));
        Assert.Equal(Path.Combine(temp.Path, "env", "share", "jupyter"), JupyterDataDirectory.SysPrefix(Env(("PATH", Path.Combine(temp.Path, "linked-bin")))));
    }

    [Fact]
    public void SysPrefix_OfDebiansJupyter_IsSysPrefixOfItsPython()
    {
        string prefix = DebianPython.Code("import sys; print(sys.prefix)").Trim();

        Assert.Equal(Path.Combine(prefix, "share", "jupyter"), JupyterDataDirectory.SysPrefix(Env(("PATH", "/usr/bin"))));
    }

    [Fact]
    public void SysPrefix_WithoutJupyterOnPath_ThrowsSayingWhatToUseInstead()
    {
        var error = Assert.Throws<InvalidOperationException>(() => JupyterDataDirectory.SysPrefix(Env(("PATH", temp.Sub("empty")))));

        Assert.Contains("--prefix", error.Message);
    }

    [Fact]
    public void Prefix_IsPrefixShareJupyter_MadeAbsolute()
    {
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "p", "share", "jupyter"), JupyterDataDirectory.Prefix("p"));
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
