using BigDL.NN;

namespace BigDL.Tests.NN.Criterions;

/// <summary>Gradient cases of the regression and cross-entropy criterions.</summary>
public sealed class CriterionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules => [];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions =>
    [
        new("MSECriterion mean", () => new MSECriterion<double>(), () => CaseData.Uniform(90, 3, 4), () => CaseData.Uniform(91, 3, 4)),
        new("MSECriterion sum", () => new MSECriterion<double>(sizeAverage: false), () => CaseData.Uniform(92, 5), () => CaseData.Uniform(93, 5)),
        new("CrossEntropyCriterion batch", () => new CrossEntropyCriterion<double>(), () => CaseData.Uniform(94, 4, 3), () => CaseData.Labels(95, 4, 3)),
        new("CrossEntropyCriterion weighted vector", () => new CrossEntropyCriterion<double>(new BigDL.Tensors.Tensor<double>([0.5, 2, 1], 3)),
            () => CaseData.Uniform(96, 3), () => BigDL.Tensors.Tensor<double>.Scalar(1)),
    ];
}
