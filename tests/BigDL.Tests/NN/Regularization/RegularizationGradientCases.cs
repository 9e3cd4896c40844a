using BigDL.NN;

namespace BigDL.Tests.NN.Regularization;

/// <summary>Gradient cases of dropout (the checker re-seeds before every forward, so the mask is fixed).</summary>
public sealed class RegularizationGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Dropout training", () => new Dropout<double>(0.4), () => CaseData.Uniform(70, 4, 5)),
        new("Dropout in place", () => new Dropout<double>(0.2, inplace: true), () => CaseData.Uniform(71, 3, 3)),
        new("Dropout evaluate", () => new Dropout<double>(0.4).Evaluate(), () => CaseData.Uniform(72, 6)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
