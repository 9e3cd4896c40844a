using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Activations;

/// <summary>Gradient cases of the activations.</summary>
public sealed class ActivationGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Tanh", () => new Tanh<double>(), () => CaseData.Uniform(20, 3, 5)),
        new("Tanh strided input", () => new Tanh<double>(), () => CaseData.Uniform(21, 5, 3).T()),
        new("Sigmoid", () => new Sigmoid<double>(), () => CaseData.Uniform(22, 4, 9)),
        new("SoftMax vector", () => new SoftMax<double>(), () => CaseData.Uniform(23, 6)),
        new("SoftMax batch", () => new SoftMax<double>(), () => CaseData.Uniform(24, 3, 5)),
        new("SoftMax image batch over channels", () => new SoftMax<double>(), () => CaseData.Uniform(25, 2, 3, 2, 2)),
        new("LogSoftMax batch", () => new LogSoftMax<double>(), () => CaseData.Uniform(26, 3, 5)),
        new("LogSoftMax image over channels", () => new LogSoftMax<double>(), () => CaseData.Uniform(27, 3, 2, 2)),
        new("SoftMin batch", () => new SoftMin<double>(), () => CaseData.Uniform(28, 2, 4)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
