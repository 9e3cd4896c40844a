using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

/// <summary>Gradient cases of the sequence layers: bidirectional recurrence, temporal convolution and pooling.</summary>
public sealed class SequenceGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("BiRecurrent GRU", () => new BiRecurrent<double>().Add(new GRU<double>(3, 2)), () => CaseData.Uniform(700, 2, 4, 3)),
        new("TemporalConvolution batch", () => new TemporalConvolution<double>(3, 2, 2, 2), () => CaseData.Uniform(701, 2, 5, 3)),
        new("TemporalConvolution sequence", () => new TemporalConvolution<double>(2, 3, 3), () => CaseData.Uniform(702, 4, 2)),
        new("TemporalMaxPooling", () => new TemporalMaxPooling<double>(2), () => Pooling.PoolingGradientCases.Distinct(703, 2, 6, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
