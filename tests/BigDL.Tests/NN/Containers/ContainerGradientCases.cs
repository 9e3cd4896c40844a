using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Containers;

/// <summary>Gradient cases of the containers and the table layers they are used with.</summary>
public sealed class ContainerGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Concat channels", () => new Concat<double>(1).Add(new SpatialConvolution<double>(2, 3, 1, 1)).Add(new Tanh<double>()),
            () => CaseData.Uniform(140, 2, 2, 3, 3)),
        new("Concat last dimension", () => new Concat<double>(-1).Add(new Linear<double>(3, 2)).Add(new Linear<double>(3, 4)), () => CaseData.Uniform(141, 3)),
        new("ConcatTable of tensor", () => new ConcatTable<double>().Add(new Linear<double>(3, 2)).Add(new Tanh<double>()), () => CaseData.Uniform(142, 2, 3)),
        new("ConcatTable residual with CAddTable", () => new Sequential<double>()
            .Add(new ConcatTable<double>().Add(new Linear<double>(3, 3)).Add(new Identity<double>())).Add(new CAddTable<double>()), () => CaseData.Uniform(143, 2, 3)),
        new("Identity", () => new Identity<double>(), () => CaseData.Uniform(144, 4)),
        new("CAddTable", () => new CAddTable<double>(), () => new Table(CaseData.Uniform(145, 2, 3), CaseData.Uniform(146, 2, 3), CaseData.Uniform(147, 2, 3))),
        new("JoinTable batch", () => new JoinTable<double>(0, 1), () => new Table(CaseData.Uniform(148, 2, 3), CaseData.Uniform(149, 2, 1))),
        new("JoinTable first dimension", () => new JoinTable<double>(0), () => new Table(CaseData.Uniform(150, 2, 3), CaseData.Uniform(151, 1, 3))),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
