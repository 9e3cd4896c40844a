namespace BigDL.Kernel.Install;

/// <summary>
/// Jupyter's data directories, found by jupyter_core's rules: the user's (<c>$JUPYTER_DATA_DIR</c>, else the
/// platform's), a Python environment's (<c>sys.prefix/share/jupyter</c>) and an explicit prefix's.
/// </summary>
internal static class JupyterDataDirectory
{
    /// <summary>
    /// The user's data directory: <c>$JUPYTER_DATA_DIR</c>; else on Linux <c>$XDG_DATA_HOME/jupyter</c> or
    /// <c>~/.local/share/jupyter</c>, on macOS <c>~/Library/Jupyter</c>, on Windows <c>%APPDATA%\jupyter</c>.
    /// </summary>
    public static string User(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (Value(environment, "JUPYTER_DATA_DIR") is { } explicitDirectory)
            return Path.GetFullPath(explicitDirectory);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Value(environment, "APPDATA") ?? Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        string home = Value(environment, "HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsMacOS())
            return Path.Combine(home, "Library", "Jupyter");
        return Path.Combine(Value(environment, "XDG_DATA_HOME") ?? Path.Combine(home, ".local", "share"), "jupyter");
    }

    /// <summary>
    /// <c>sys.prefix/share/jupyter</c> of the Python that runs the <c>jupyter</c> command first on <c>PATH</c>. Python
    /// installs its commands in <c>sys.prefix/bin</c> (<c>Scripts</c> on Windows), so the prefix is the parent of that
    /// directory, with symbolic links resolved (Debian's <c>/usr/bin/jupyter</c> gives <c>/usr</c>, a conda or virtual
    /// environment's gives the environment).
    /// </summary>
    public static string SysPrefix(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string command = OperatingSystem.IsWindows() ? "jupyter.exe" : "jupyter";
        foreach (string directory in (Value(environment, "PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(directory, command);
            if (File.Exists(candidate))
                return Path.Combine(PrefixOf(candidate), "share", "jupyter");
        }
        throw new InvalidOperationException(
            $"--sys-prefix: no '{command}' command on PATH, so Python's sys.prefix is unknown; use --prefix <sys.prefix> or --user.");
    }

    /// <summary><c>P/share/jupyter</c> for the prefix <paramref name="prefix"/> (made absolute).</summary>
    public static string Prefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return Path.Combine(Path.GetFullPath(prefix), "share", "jupyter");
    }

    private static string PrefixOf(string command)
    {
        var file = new FileInfo(command);
        string real = file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;
        var bin = new DirectoryInfo(Path.GetDirectoryName(real)!);
        string binPath = bin.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? bin.FullName;
        return Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(binPath)) ?? binPath;
    }

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { Length: > 0 } value ? value : null;
}
