namespace BigDL.Interactive.Tests.Formatting;

/// <summary>Resetting the registry is process-wide, so this runs alone and puts back what others had registered.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RegistryReset
{
    public const string Name = "Formatter registry reset";
}
