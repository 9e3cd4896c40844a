using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Normalization;

/// <summary>Gradient cases of the local subtractive, divisive and contrastive normalisations.</summary>
public sealed class LocalNormalizationGradientCases : IGradientCases
{
    private static Tensor<double> Gaussian => new([0.25, 0.5, 0.25], 3);

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialSubtractiveNormalization", () => new SpatialSubtractiveNormalization<double>(2, Tensor<double>.Ones(3, 3)), () => CaseData.Uniform(1200, 2, 2, 4, 4)),
        new("SpatialSubtractiveNormalization separable image", () => new SpatialSubtractiveNormalization<double>(1, Gaussian), () => CaseData.Uniform(1201, 1, 5, 4)),
        new("SpatialDivisiveNormalization", () => new SpatialDivisiveNormalization<double>(2, Tensor<double>.Ones(3, 3)), () => CaseData.Uniform(1202, 2, 2, 4, 4)),
        new("SpatialContrastiveNormalization", () => new SpatialContrastiveNormalization<double>(1, Gaussian), () => CaseData.Uniform(1203, 2, 1, 4, 4)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
