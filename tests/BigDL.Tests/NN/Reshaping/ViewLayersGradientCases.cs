using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Reshaping;

/// <summary>Gradient cases of the slicing and dimension layers.</summary>
public sealed class ViewLayersGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Narrow", () => new Narrow<double>(1, 1, 2), () => CaseData.Uniform(240, 2, 4)),
        new("Narrow to the end", () => new Narrow<double>(-1, 1, -1), () => CaseData.Uniform(241, 2, 4)),
        new("Select", () => new Select<double>(1, -1), () => CaseData.Uniform(242, 2, 3, 2)),
        new("Transpose", () => new Transpose<double>((0, 2), (1, 2)), () => CaseData.Uniform(243, 2, 3, 4)),
        new("Squeeze all", () => new Squeeze<double>(), () => CaseData.Uniform(244, 2, 1, 3, 1)),
        new("Squeeze batch keeps N", () => new Squeeze<double>(0, numInputDims: 2), () => CaseData.Uniform(245, 1, 1, 3)),
        new("Unsqueeze", () => new Unsqueeze<double>(1), () => CaseData.Uniform(246, 2, 3)),
        new("Contiguous of transposed", () => new Contiguous<double>(), () => CaseData.Uniform(247, 3, 2).T()),
        new("Replicate", () => new Replicate<double>(3, 1), () => CaseData.Uniform(248, 2, 2)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
