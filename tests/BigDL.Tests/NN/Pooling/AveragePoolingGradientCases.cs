using BigDL.NN;

namespace BigDL.Tests.NN.Pooling;

/// <summary>Gradient cases of average pooling.</summary>
public sealed class AveragePoolingGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialAveragePooling image", () => new SpatialAveragePooling<double>(2, 2, 2, 2), () => CaseData.Uniform(160, 2, 4, 4)),
        new("SpatialAveragePooling padded ceil exclude pad", () => new SpatialAveragePooling<double>(3, 3, 2, 2, 1, 1, ceilMode: true, countIncludePad: false),
            () => CaseData.Uniform(161, 2, 2, 6, 5)),
        new("SpatialAveragePooling global", () => new SpatialAveragePooling<double>(0, 0, globalPooling: true), () => CaseData.Uniform(162, 2, 3, 4, 4)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
