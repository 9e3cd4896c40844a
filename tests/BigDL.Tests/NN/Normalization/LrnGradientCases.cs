using BigDL.NN;

namespace BigDL.Tests.NN.Normalization;

/// <summary>Gradient cases of local response normalisation.</summary>
public sealed class LrnGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialCrossMapLRN image", () => new SpatialCrossMapLRN<double>(3, 0.5, 0.75, 2), () => CaseData.Uniform(420, 4, 2, 3)),
        new("SpatialCrossMapLRN batch wide window", () => new SpatialCrossMapLRN<double>(5, 1, 0.6), () => CaseData.Uniform(421, 2, 3, 2, 2)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
