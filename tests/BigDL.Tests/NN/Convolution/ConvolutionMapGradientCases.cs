using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>Gradient cases of SpatialConvolutionMap.</summary>
public sealed class ConvolutionMapGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialConvolutionMap one to one", () => new SpatialConvolutionMap<double>(SpatialConvolutionMap<double>.OneToOne(2), 2, 2), () => CaseData.Uniform(1300, 2, 3, 3)),
        new("SpatialConvolutionMap full batch strided padded", () => new SpatialConvolutionMap<double>(SpatialConvolutionMap<double>.Full(2, 3), 3, 2, 2, 1, 1, 0),
            () => CaseData.Uniform(1301, 2, 2, 4, 5)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
