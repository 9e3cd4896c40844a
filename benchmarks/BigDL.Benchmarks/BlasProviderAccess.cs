using BigDL.Native;

namespace BigDL.Benchmarks;

/// <summary>Reaches the provider object behind a <see cref="BlasProviderInfo"/> (internal to the library).</summary>
internal static class BlasProviderAccess
{
    public static IBlas Of(BlasProviderInfo info) => info.Provider ?? throw new InvalidOperationException($"{info.Name} is not present");
}
