namespace BigDL.Kernel.Tests.Packages;

/// <summary>The tests that resolve packages: one feed fixture, run alone because the fixture sets NUGET_PACKAGES.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PackageTestCollection : ICollectionFixture<PackageFeedFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "packages";
}
