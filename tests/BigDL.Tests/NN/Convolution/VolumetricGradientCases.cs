using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Convolution;

/// <summary>Gradient cases of the 3-d layers and RoiPooling.</summary>
public sealed class VolumetricGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("VolumetricConvolution volume", () => new VolumetricConvolution<double>(2, 2, 2, 2, 2), () => CaseData.Uniform(1100, 2, 3, 3, 3)),
        new("VolumetricConvolution batch stride pad", () => new VolumetricConvolution<double>(1, 2, 2, 3, 2, 1, 2, 1, 1, 1, 0), () => CaseData.Uniform(1101, 2, 1, 3, 4, 4)),
        new("VolumetricMaxPooling", () => new VolumetricMaxPooling<double>(2, 2, 2), () => Pooling.PoolingGradientCases.Distinct(1102, 2, 2, 4, 4, 4)),
        new("RoiPooling", () => new RoiPooling<double>(2, 2, 1.0), () => new Table(Pooling.PoolingGradientCases.Distinct(1103, 2, 2, 5, 5),
            new Tensor<double>([0, 0, 0, 3, 3, 1, 1, 1, 4, 2], 2, 5)), new GradientChecker.Options(ConstantInputs: [1])),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
