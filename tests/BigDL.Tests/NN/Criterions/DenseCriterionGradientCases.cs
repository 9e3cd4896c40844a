using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

/// <summary>Gradient cases of the per-position soft-max and multi-label margin criterions.</summary>
public sealed class DenseCriterionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules => [];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions =>
    [
        new("SoftmaxWithCriterion valid with ignored label", () => new SoftmaxWithCriterion<double>(ignoreLabel: 2), () => CaseData.Uniform(950, 2, 3, 2, 2),
            () => new Tensor<double>([0, 1, 2, 1, 2, 0, 0, 1], 2, 1, 2, 2)),
        new("SoftmaxWithCriterion full", () => new SoftmaxWithCriterion<double>(normalizeMode: NormalizeMode.Full), () => CaseData.Uniform(951, 1, 2, 2, 3),
            () => new Tensor<double>([0, 1, 1, 0, 0, 1], 1, 2, 3)),
        new("MultiLabelMarginCriterion", () => new MultiLabelMarginCriterion<double>(), () => CaseData.Uniform(952, 2, 4).Mul(0.2),
            () => new Tensor<double>([3, 0, -1, 0, 1, -1, 0, 0], 2, 4)),
        new("ClassSimplexCriterion", () => new ClassSimplexCriterion<double>(4), () => CaseData.Uniform(953, 3, 4), () => new Tensor<double>([0, 3, 1], 3)),
    ];
}
