using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Activations;

/// <summary>Gradient cases of the randomised and resampling layers and FlattenTable.</summary>
public sealed class RandomisedGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("RReLU training", () => new RReLU<double>(), () => CaseData.AwayFromZero(710, 0.05, 3, 4)),
        new("RReLU evaluate", () => new RReLU<double>(0.1, 0.3).Evaluate(), () => CaseData.AwayFromZero(711, 0.05, 5)),
        new("SpatialDropout2D", () => new SpatialDropout2D<double>(0.5), () => CaseData.Uniform(712, 2, 4, 2, 2)),
        new("SpatialUpSamplingNearest", () => new SpatialUpSamplingNearest<double>(2), () => CaseData.Uniform(713, 2, 2, 3)),
        new("UpSampling2D", () => new UpSampling2D<double>(2, 3), () => CaseData.Uniform(714, 1, 2, 2, 2)),
        new("FlattenTable", () => new FlattenTable<double>(), () => new Table(CaseData.Uniform(715, 2), new Table(CaseData.Uniform(716, 3), new Table(CaseData.Uniform(717, 1))))),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
