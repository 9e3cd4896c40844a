using BigDL.NN;

namespace BigDL.Tests.NN.Normalization;

/// <summary>Gradient cases of the batch normalisations, in training (batch statistics) and evaluation mode.</summary>
public sealed class NormalizationGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("BatchNormalization training", () => new BatchNormalization<double>(3), () => CaseData.Uniform(60, 5, 3)),
        new("BatchNormalization evaluate", () => Evaluated(new BatchNormalization<double>(3)), () => CaseData.Uniform(61, 4, 3)),
        new("BatchNormalization evaluate single sample", () => Evaluated(new BatchNormalization<double>(3)), () => CaseData.Uniform(62, 3)),
        new("BatchNormalization not affine", () => new BatchNormalization<double>(2, affine: false), () => CaseData.Uniform(63, 4, 2)),
        new("SpatialBatchNormalization training", () => new SpatialBatchNormalization<double>(2), () => CaseData.Uniform(64, 3, 2, 2, 3)),
        new("SpatialBatchNormalization evaluate image", () => Evaluated(new SpatialBatchNormalization<double>(2, 1e-3)), () => CaseData.Uniform(65, 2, 3, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];

    /// <summary>The layer after a training pass (so running statistics are not the initial 0 and 1), in evaluation mode.</summary>
    private static Module<double> Evaluated(BatchNormalization<double> layer)
    {
        int channels = layer.NOutput;
        var batch = layer is SpatialBatchNormalization<double> ? CaseData.Uniform(66, 4, channels, 3, 3) : CaseData.Uniform(66, 4, channels);
        layer.Forward(batch);
        return layer.Evaluate();
    }
}
