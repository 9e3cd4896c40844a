using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>Gradient cases of the transposed convolution.</summary>
public sealed class FullConvolutionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialFullConvolution image", () => new SpatialFullConvolution<double>(2, 3, 3, 3), () => CaseData.Uniform(900, 2, 3, 3)),
        new("SpatialFullConvolution stride pad adj", () => new SpatialFullConvolution<double>(2, 2, 3, 3, 2, 2, 1, 1, 1, 1), () => CaseData.Uniform(901, 2, 2, 3, 3)),
        new("SpatialFullConvolution groups no bias", () => new SpatialFullConvolution<double>(4, 2, 2, 2, 2, 2, nGroup: 2, noBias: true), () => CaseData.Uniform(902, 2, 4, 2, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
