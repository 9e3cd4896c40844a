using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Reshaping;

/// <summary>Gradient cases of the reshaping layers.</summary>
public sealed class ReshapingGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Reshape sample", () => new Reshape<double>([2, 3]), () => CaseData.Uniform(80, 6)),
        new("Reshape batch", () => new Reshape<double>([2, 3]), () => CaseData.Uniform(81, 4, 6)),
        new("Reshape strided batch", () => new Reshape<double>([3]), () => CaseData.Uniform(82, 3, 2).T()),
        new("View inferred", () => new View<double>(-1, 2), () => CaseData.Uniform(83, 3, 4)),
        new("View batch by NumInputDims", () => new View<double>(6).SetNumInputDims(2), () => CaseData.Uniform(84, 2, 2, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
