using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace BigDL.Kernel.Packages;

/// <summary>One version of a package id and the source that serves it.</summary>
internal sealed record PackageVersion(NuGetVersion Version, SourceRepository Source);
