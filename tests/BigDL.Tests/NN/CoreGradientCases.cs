using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN;

/// <summary>Gradient cases of the module contract's first layers: Linear, ReLU, Sequential, ClassNLLCriterion.</summary>
public sealed class CoreGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Linear vector", () => new Linear<double>(5, 3), () => CaseData.Uniform(1, 5)),
        new("Linear batch", () => new Linear<double>(5, 3), () => CaseData.Uniform(2, 4, 5)),
        new("Linear without bias", () => new Linear<double>(4, 2, withBias: false), () => CaseData.Uniform(3, 3, 4)),
        new("ReLU", () => new ReLU<double>(), () => CaseData.AwayFromZero(4, 0.05, 3, 4)),
        new("ReLU in place", () => new ReLU<double>(ip: true), () => CaseData.AwayFromZero(5, 0.05, 2, 3, 2)),
        new("Sequential Linear-ReLU-Linear", () => new Sequential<double>().Add(new Linear<double>(4, 6)).Add(new ReLU<double>()).Add(new Linear<double>(6, 2)),
            () => CaseData.Uniform(6, 3, 4)),
        new("Sequential empty", () => new Sequential<double>(), () => CaseData.Uniform(7, 2, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions =>
    [
        new("ClassNLLCriterion batch", () => new ClassNLLCriterion<double>(), () => CaseData.Uniform(8, 4, 5), () => CaseData.Labels(9, 4, 5)),
        new("ClassNLLCriterion vector", () => new ClassNLLCriterion<double>(), () => CaseData.Uniform(10, 5), () => Tensor<double>.Scalar(3)),
        new("ClassNLLCriterion weighted sum", () => new ClassNLLCriterion<double>(new Tensor<double>([1, 2, 0.5], 3), sizeAverage: false),
            () => CaseData.Uniform(11, 4, 3), () => CaseData.Labels(12, 4, 3)),
    ];
}
