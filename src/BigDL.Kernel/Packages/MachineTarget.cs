using System.Runtime.InteropServices;
using NuGet.Frameworks;

namespace BigDL.Kernel.Packages;

/// <summary>What packages are resolved for: the running runtime's framework (net10.0) and this machine's portable
/// runtime identifier (linux-x64, linux-musl-arm64, osx-arm64, win-x64, …).</summary>
internal static class MachineTarget
{
    /// <summary>The framework of the running runtime, e.g. net10.0.</summary>
    public static NuGetFramework Framework { get; } =
        new(FrameworkConstants.FrameworkIdentifiers.NetCoreApp, new Version(Environment.Version.Major, Environment.Version.Minor));

    /// <summary>This machine's portable runtime identifier.</summary>
    public static string RuntimeIdentifier { get; } = $"{OperatingSystemPart()}-{RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}";

    private static string OperatingSystemPart()
    {
        if (OperatingSystem.IsWindows())
        {
            return "win";
        }

        if (OperatingSystem.IsMacOS())
        {
            return "osx";
        }

        return RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.Ordinal) ? "linux-musl" : "linux";
    }
}
