using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Containers;

/// <summary>Gradient cases of MapTable, Bottle, Scale, Bilinear, Euclidean, MV, CosineDistance, Padding and InferReshape.</summary>
public sealed class MoreContainerGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("MapTable Linear", () => new MapTable<double>(new Linear<double>(3, 2)), () => new Table(CaseData.Uniform(800, 2, 3), CaseData.Uniform(801, 1, 3), CaseData.Uniform(802, 3))),
        new("Bottle Linear over 4 dims", () => new Bottle<double>(new Linear<double>(3, 2)), () => CaseData.Uniform(803, 2, 2, 2, 3)),
        new("Scale per channel", () => new Scale<double>(1, 2, 1, 1), () => CaseData.Uniform(804, 2, 2, 2, 2)),
        new("Bilinear", () => new Bilinear<double>(3, 2, 4), () => new Table(CaseData.Uniform(805, 2, 3), CaseData.Uniform(806, 2, 2))),
        new("Bilinear without bias", () => new Bilinear<double>(2, 2, 1, biasRes: false), () => new Table(CaseData.Uniform(807, 3, 2), CaseData.Uniform(808, 3, 2))),
        new("Euclidean batch", () => new Euclidean<double>(3, 4), () => CaseData.Uniform(809, 2, 3)),
        new("Euclidean vector", () => new Euclidean<double>(2, 2), () => CaseData.Uniform(810, 2)),
        new("MV batched transposed", () => new MV<double>(trans: true), () => new Table(CaseData.Uniform(811, 2, 3, 4), CaseData.Uniform(812, 2, 3))),
        new("MV single", () => new MV<double>(), () => new Table(CaseData.Uniform(813, 3, 4), CaseData.Uniform(814, 4))),
        new("CosineDistance batch", () => new CosineDistance<double>(), () => new Table(CaseData.Uniform(815, 3, 4), CaseData.Uniform(816, 3, 4))),
        new("Padding after", () => new Padding<double>(0, 2, 1, 0.5), () => CaseData.Uniform(817, 2, 3)),
        new("Padding before", () => new Padding<double>(1, -1, 2), () => CaseData.Uniform(818, 3, 2)),
        new("InferReshape batch", () => new InferReshape<double>([0, -1], batchMode: true), () => CaseData.Uniform(819, 2, 3, 2, 2)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
