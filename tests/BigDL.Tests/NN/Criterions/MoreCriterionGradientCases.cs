using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

/// <summary>Gradient cases of the embedding, multi-label, sequence and VAE criterions.</summary>
public sealed class MoreCriterionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules => [];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions =>
    [
        new("TimeDistributedCriterion ClassNLL averaged", () => new TimeDistributedCriterion<double>(new ClassNLLCriterion<double>(), sizeAverage: true),
            () => CaseData.Uniform(600, 2, 3, 4), () => new Tensor<double>([0, 3, 1, 2, 2, 0], 2, 3)),
        new("CosineEmbeddingCriterion", () => new CosineEmbeddingCriterion<double>(0.1), () => new Table(CaseData.Uniform(601, 3, 4), CaseData.Uniform(602, 3, 4)),
            () => new Tensor<double>([1, -1, 1], 3)),
        new("MultiLabelSoftMarginCriterion", () => new MultiLabelSoftMarginCriterion<double>(), () => CaseData.Uniform(603, 2, 4).Mul(2),
            () => new Tensor<double>([1, 0, 0, 1, 0, 1, 1, 0], 2, 4)),
        new("DiceCoefficientCriterion", () => new DiceCoefficientCriterion<double>(), () => CaseData.Uniform(604, 2, 5).Abs(), () => CaseData.Uniform(605, 2, 5).Abs()),
        new("KLDCriterion", () => new KLDCriterion<double>(), () => new Table(CaseData.Uniform(606, 2, 3), CaseData.Uniform(607, 2, 3)), () => new Tensor<double>(1)),
        new("L1HingeEmbeddingCriterion dissimilar", () => new L1HingeEmbeddingCriterion<double>(5), () => new Table(CaseData.Uniform(608, 4), CaseData.Uniform(609, 4).Add(0.01)),
            () => new Tensor<double>([-1], 1)),
    ];
}
