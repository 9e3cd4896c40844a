using System.CommandLine;

namespace BigDL.Kernel.Install;

/// <summary>
/// <c>bigdl-kernel install</c> and <c>uninstall</c>. The kernelspec goes to the data directory chosen by
/// <c>--user</c> (the default), <c>--sys-prefix</c> or <c>--prefix P</c>, as with <c>jupyter kernelspec install</c>.
/// </summary>
internal static class KernelSpecCommands
{
    /// <summary>The kernel name used when <c>--name</c> is not given.</summary>
    public const string DefaultName = "bigdl-csharp";

    /// <summary>The display name used when <c>--display-name</c> is not given.</summary>
    public const string DefaultDisplayName = "C# (BigDL)";

    /// <summary>The <c>install</c> command; <paramref name="launch"/> is what the kernelspec runs after the dotnet host.</summary>
    public static Command CreateInstall(IReadOnlyList<string> launch)
    {
        var displayName = new Option<string>("--display-name") { Description = "The name front ends show", DefaultValueFactory = _ => DefaultDisplayName };
        var sources = new Option<string[]>("--nuget-source")
        {
            Description = "A folder of packages for #r \"nuget:…\" (repeatable), passed to the kernel in " + KernelSpec.NuGetSourcesVariable,
            Arity = ArgumentArity.ZeroOrMore,
        };
        var location = new Location();
        var command = new Command("install", "Write the kernelspec (kernel.json) with which Jupyter starts this kernel.") { displayName, sources };
        location.AddTo(command);
        command.SetAction(result => Run(result, location, "Installed kernelspec {0} in {1}", (directory, name) =>
            KernelSpecInstaller.Install(directory, name,
                KernelSpec.ForThisKernel(launch, result.GetRequiredValue(displayName), result.GetValue(sources) ?? []))));
        return command;
    }

    /// <summary>The <c>uninstall</c> command.</summary>
    public static Command CreateUninstall()
    {
        var location = new Location();
        var command = new Command("uninstall", "Remove the kernelspec that install wrote.");
        location.AddTo(command);
        command.SetAction(result => Run(result, location, "Removed kernelspec {0} from {1}", KernelSpecInstaller.Uninstall));
        return command;
    }

    /// <summary>Runs <paramref name="act"/> (data directory, kernel name → kernelspec directory) and reports it.</summary>
    private static int Run(ParseResult result, Location location, string done, Func<string, string, string> act)
    {
        try
        {
            string name = result.GetRequiredValue(location.Name);
            string directory = act(location.DataDirectory(result), name);
            result.InvocationConfiguration.Output.WriteLine(string.Format(done, name, directory));
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            result.InvocationConfiguration.Error.WriteLine($"bigdl-kernel {result.CommandResult.Command.Name}: {e.Message}");
            return 1;
        }
    }

    /// <summary>The options both commands share: which data directory, and the kernel's name.</summary>
    private sealed class Location
    {
        private readonly Option<bool> user = new("--user") { Description = "The user's Jupyter data directory (the default)" };
        private readonly Option<bool> sysPrefix = new("--sys-prefix") { Description = "The data directory of the Python running 'jupyter' on PATH" };
        private readonly Option<string> prefix = new("--prefix") { Description = "The data directory P/share/jupyter" };

        public Option<string> Name { get; } = new("--name") { Description = "The kernel's name", DefaultValueFactory = _ => DefaultName };

        public void AddTo(Command command)
        {
            command.Options.Add(user);
            command.Options.Add(sysPrefix);
            command.Options.Add(prefix);
            command.Options.Add(Name);
        }

        public string DataDirectory(ParseResult result)
        {
            bool isUser = result.GetValue(user), isSysPrefix = result.GetValue(sysPrefix);
            string? prefixPath = result.GetValue(prefix);
            if ((isUser ? 1 : 0) + (isSysPrefix ? 1 : 0) + (prefixPath is null ? 0 : 1) > 1)
                throw new ArgumentException(
                    $"Choose one of --user, --sys-prefix and --prefix, got --user {isUser}, --sys-prefix {isSysPrefix}, --prefix '{prefixPath}'.");
            if (prefixPath is not null)
                return JupyterDataDirectory.Prefix(prefixPath);
            return isSysPrefix
                ? JupyterDataDirectory.SysPrefix(Environment.GetEnvironmentVariable)
                : JupyterDataDirectory.User(Environment.GetEnvironmentVariable);
        }
    }
}
