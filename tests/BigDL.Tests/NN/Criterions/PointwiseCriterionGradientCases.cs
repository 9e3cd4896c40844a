using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Criterions;

/// <summary>Gradient cases of the element-wise and combining criterions (inputs off their hinges).</summary>
public sealed class PointwiseCriterionGradientCases : IGradientCases
{
    private static Tensor<double> Signs(ulong seed, params int[] sizes) => CaseData.Uniform(seed, sizes).Sign().Apply(v => v == 0 ? 1 : v);

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules => [];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions =>
    [
        new("AbsCriterion", () => new AbsCriterion<double>(), () => CaseData.Uniform(170, 3, 4), () => CaseData.Uniform(171, 3, 4).Add(3)),
        new("SmoothL1Criterion", () => new SmoothL1Criterion<double>(), () => CaseData.Uniform(172, 6).Mul(3), () => CaseData.Uniform(173, 6).Mul(0.1)),
        new("BCECriterion", () => new BCECriterion<double>(), () => CaseData.Uniform(174, 2, 3).Mul(0.4).Add(0.5), () => CaseData.Uniform(175, 2, 3).Abs()),
        new("MarginCriterion squared", () => new MarginCriterion<double>(1, squared: true), () => CaseData.Uniform(176, 5).Mul(0.5), () => Signs(177, 5)),
        new("SoftMarginCriterion", () => new SoftMarginCriterion<double>(), () => CaseData.Uniform(178, 4), () => Signs(179, 4)),
        new("DistKLDivCriterion", () => new DistKLDivCriterion<double>(), () => CaseData.Uniform(180, 2, 3), () => CaseData.Uniform(181, 2, 3).Abs()),
        new("HingeEmbeddingCriterion", () => new HingeEmbeddingCriterion<double>(2, sizeAverage: false), () => CaseData.Uniform(182, 6).Abs(), () => Signs(183, 6)),
        new("L1Cost", () => new L1Cost<double>(), () => CaseData.AwayFromZero(184, 0.05, 5), () => new Tensor<double>(5)),
        new("MultiCriterion", () => new MultiCriterion<double>().Add(new MSECriterion<double>()).Add(new AbsCriterion<double>(), 0.5),
            () => CaseData.Uniform(185, 4), () => CaseData.Uniform(186, 4).Add(3)),
        new("ParallelCriterion", () => new ParallelCriterion<double>().Add(new MSECriterion<double>(), 2).Add(new ClassNLLCriterion<double>()),
            () => new Table(CaseData.Uniform(187, 3), CaseData.Uniform(188, 2, 4)), () => new Table(CaseData.Uniform(189, 3), CaseData.Labels(190, 2, 4))),
        new("MarginRankingCriterion", () => new MarginRankingCriterion<double>(0.1), () => new Table(CaseData.Uniform(191, 5), CaseData.Uniform(192, 5)), () => Signs(193, 5)),
        new("MultiMarginCriterion p2 weighted", () => new MultiMarginCriterion<double>(2, new Tensor<double>([1, 2, 0.5], 3), 0.5),
            () => CaseData.Uniform(194, 4, 3).Mul(0.1), () => CaseData.Labels(195, 4, 3)),
    ];
}
