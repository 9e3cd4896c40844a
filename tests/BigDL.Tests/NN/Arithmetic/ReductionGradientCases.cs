using BigDL.NN;

namespace BigDL.Tests.NN.Arithmetic;

/// <summary>Gradient cases of the reductions and the remaining math layers.</summary>
public sealed class ReductionGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Sum batch averaged", () => new Sum<double>(0, nInputDims: 1, sizeAverage: true), () => CaseData.Uniform(500, 3, 4)),
        new("Sum keep dimension", () => new Sum<double>(1, squeeze: false), () => CaseData.Uniform(501, 2, 3, 2)),
        new("Mean last", () => new Mean<double>(-1), () => CaseData.Uniform(502, 2, 5)),
        new("Max", () => new Max<double>(1), () => CaseData.Uniform(503, 3, 4)),
        new("Min batch", () => new Min<double>(0, numInputDims: 1), () => CaseData.Uniform(504, 3, 4)),
        new("GradientReversal", () => new GradientReversal<double>(0.5), () => CaseData.Uniform(505, 4), new GradientChecker.Options(InputGradientFactor: -0.5)),
        new("PReLU shared", () => new PReLU<double>(), () => CaseData.AwayFromZero(506, 0.05, 2, 3)),
        new("PReLU per channel", () => new PReLU<double>(3), () => CaseData.AwayFromZero(507, 0.05, 2, 3, 2, 2)),
        new("Normalize L2", () => new Normalize<double>(2), () => CaseData.Uniform(508, 3, 4)),
        new("Normalize L1 vector", () => new Normalize<double>(1), () => CaseData.AwayFromZero(509, 0.05, 5)),
        new("Normalize max norm", () => new Normalize<double>(double.PositiveInfinity), () => CaseData.Uniform(510, 2, 4)),
        new("L1Penalty", () => new L1Penalty<double>(0.1, sizeAverage: true), () => CaseData.AwayFromZero(511, 0.05, 2, 3),
            new GradientChecker.Options(ExtraLoss: m => ((L1Penalty<double>)m).Loss)),
        new("SpatialZeroPadding pad", () => new SpatialZeroPadding<double>(1, 2, 0, 1), () => CaseData.Uniform(512, 2, 3, 3)),
        new("SpatialZeroPadding crop", () => new SpatialZeroPadding<double>(-1, 1, 1, -1), () => CaseData.Uniform(513, 2, 1, 4, 4)),
        new("SpatialDilatedConvolution", () => new SpatialDilatedConvolution<double>(2, 3, 3, 2, 1, 2, 2, 1, dilationW: 2, dilationH: 2), () => CaseData.Uniform(514, 2, 2, 7, 8)),
        new("SpatialShareConvolution", () => new SpatialShareConvolution<double>(2, 2, 2, 2, 2, 2), () => CaseData.Uniform(515, 2, 2, 4, 4)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
