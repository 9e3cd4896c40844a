using BigDL.Native;

namespace BigDL.Tests.Native;

/// <summary>The providers every BLAS test runs against: each native one that is present, the reference loops, and the managed factory's.</summary>
internal static class BlasTestProviders
{
    public const string Reference = "reference";

    /// <summary>Names of the providers present in this process (the native ones only when they load).</summary>
    public static TheoryData<string> Present() => new(Names());

    /// <summary>The same names as a plain list.</summary>
    public static List<string> Names()
    {
        var names = new List<string>();
        foreach (BlasCandidate candidate in new[] { BlasProviders.MklCandidate, BlasProviders.OpenBlasCandidate })
            if (candidate.Probe().IsPresent) names.Add(candidate.Name);
        names.Add(Reference);
        names.Add(BlasProviders.ManagedName);
        return names;
    }

    /// <summary>The provider called <paramref name="name"/>; the managed one is a fresh instance from the factory.</summary>
    public static IBlas Get(string name) => name switch
    {
        Reference => new ReferenceBlas(),
        BlasProviders.ManagedName => BlasProviders.CreateManaged(),
        _ => BlasProviders.Get(name).Probe().Provider
             ?? throw new InvalidOperationException($"{name} is not present: {BlasProviders.Get(name).Probe().LoadFailure}"),
    };
}
