using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>Gradient cases of the convolutions.</summary>
public sealed class ConvolutionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialConvolution image", () => new SpatialConvolution<double>(2, 3, 3, 3), () => CaseData.Uniform(30, 2, 5, 5)),
        new("SpatialConvolution batch stride pad", () => new SpatialConvolution<double>(2, 3, 3, 2, 2, 1, 1, 1), () => CaseData.Uniform(31, 2, 2, 6, 7)),
        new("SpatialConvolution groups without bias", () => new SpatialConvolution<double>(4, 6, 3, 3, nGroup: 2, withBias: false), () => CaseData.Uniform(32, 2, 4, 5, 5)),
        new("SpatialConvolution SAME stride 2", () => new SpatialConvolution<double>(1, 2, 3, 3, 2, 2, -1, -1), () => CaseData.Uniform(33, 2, 1, 6, 5)),
        new("SpatialConvolution padded rows with tail", () => new SpatialConvolution<double>(2, 3, 3, 3, 1, 1, 1, 1), () => CaseData.Uniform(35, 2, 2, 3, 9)),
        new("SpatialConvolution rows wider than a panel", () => new SpatialConvolution<double>(1, 2, 3, 2), () => CaseData.Uniform(36, 1, 1, 3, 37),
            new GradientChecker.Options(MaxPerTensor: 60)),
        new("SpatialConvolution narrowing (adjoint input gradient)", () => new SpatialConvolution<double>(3, 2, 3, 3, 1, 1, 1, 1), () => CaseData.Uniform(37, 3, 3, 4, 5)),
        new("SpatialConvolution narrowing, padding beyond the kernel", () => new SpatialConvolution<double>(2, 2, 3, 2, 1, 1, 3, 2), () => CaseData.Uniform(38, 2, 2, 3, 3)),
        new("SpatialConvolution narrowing, dilated (unfolded input gradient)", () => new SpatialDilatedConvolution<double>(2, 2, 3, 3, 1, 1, 2, 2, 2, 2), () => CaseData.Uniform(39, 2, 2, 5, 5)),
        new("SpatialConvolution Winograd (16 planes, 3x3, stride 1)", () => new SpatialConvolution<double>(16, 16, 3, 3, 1, 1, 1, 1), () => CaseData.Uniform(40, 1, 16, 12, 12),
            new GradientChecker.Options(MaxPerTensor: 60)),
        new("SpatialConvolution no input gradient", () => new SpatialConvolution<double>(1, 2, 2, 2, propagateBack: false), () => CaseData.Uniform(34, 2, 1, 4, 4),
            new GradientChecker.Options(WrtInput: false)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
