using BigDL.NN;

namespace BigDL.Tests.NN.Arithmetic;

/// <summary>Gradient cases of the parameterised element-wise layers.</summary>
public sealed class DenseMathGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("CMul per feature", () => new CMul<double>(4), () => CaseData.Uniform(130, 3, 4)),
        new("CMul per channel", () => new CMul<double>(1, 2, 1, 1), () => CaseData.Uniform(131, 2, 2, 3, 3)),
        new("CAdd per channel", () => new CAdd<double>(2, 1, 1), () => CaseData.Uniform(132, 2, 2, 2, 3)),
        new("Add vector", () => new Add<double>(3), () => CaseData.Uniform(133, 3)),
        new("Add batch", () => new Add<double>(3), () => CaseData.Uniform(134, 4, 3)),
        new("Mul", () => new Mul<double>(), () => CaseData.Uniform(135, 2, 5)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
