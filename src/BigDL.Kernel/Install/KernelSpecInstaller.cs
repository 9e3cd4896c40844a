using System.Text.RegularExpressions;

namespace BigDL.Kernel.Install;

/// <summary>Writes and removes <c>&lt;data dir&gt;/kernels/&lt;name&gt;/kernel.json</c>.</summary>
internal static partial class KernelSpecInstaller
{
    /// <summary>Writes <paramref name="spec"/> as kernel <paramref name="name"/>, replacing one of that name; returns
    /// the kernelspec's directory.</summary>
    public static string Install(string dataDirectory, string name, KernelSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        string directory = KernelDirectory(dataDirectory, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "kernel.json"), spec.ToJson());
        return directory;
    }

    /// <summary>Removes kernel <paramref name="name"/>; returns the directory removed.</summary>
    public static string Uninstall(string dataDirectory, string name)
    {
        string directory = KernelDirectory(dataDirectory, name);
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"No kernelspec '{name}' to remove: {directory} does not exist.");
        Directory.Delete(directory, recursive: true);
        return directory;
    }

    private static string KernelDirectory(string dataDirectory, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidName().IsMatch(name))
            throw new ArgumentException(
                $"A kernel name is made of lower-case letters, digits, '.', '_' and '-' (Jupyter's rule), got '{name}'.", nameof(name));
        return Path.Combine(dataDirectory, "kernels", name);
    }

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex ValidName();
}
