using BigDL.NN;

namespace BigDL.Tests.NN.Activations;

/// <summary>Gradient cases of the element-wise activations built on PointwiseModule (inputs kept off their kinks).</summary>
public sealed class PointwiseActivationGradientCases : IGradientCases
{
    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("ReLU6", () => new ReLU6<double>(), () => CaseData.AwayFromZero(100, 0.05, 3, 4).Mul(4)),
        new("ReLU6 in place", () => new ReLU6<double>(inplace: true), () => CaseData.AwayFromZero(101, 0.05, 6).Mul(4)),
        new("LeakyReLU", () => new LeakyReLU<double>(0.1), () => CaseData.AwayFromZero(102, 0.05, 2, 5)),
        new("ELU", () => new ELU<double>(0.7), () => CaseData.AwayFromZero(103, 0.05, 2, 5)),
        new("HardTanh", () => new HardTanh<double>(-0.5, 0.6), () => CaseData.Uniform(104, 12)),
        new("HardSigmoid", () => new HardSigmoid<double>(), () => CaseData.Uniform(105, 3, 3).Mul(4)),
        new("LogSigmoid", () => new LogSigmoid<double>(), () => CaseData.Uniform(106, 2, 4).Mul(3)),
        new("SoftPlus", () => new SoftPlus<double>(2), () => CaseData.Uniform(107, 2, 4)),
        new("SoftSign", () => new SoftSign<double>(), () => CaseData.AwayFromZero(108, 0.05, 7)),
        new("SoftShrink", () => new SoftShrink<double>(0.3), () => CaseData.Uniform(109, 9).Mul(2)),
        new("HardShrink", () => new HardShrink<double>(0.3), () => CaseData.Uniform(110, 9).Mul(2)),
        new("Threshold", () => new Threshold<double>(0.1, -2), () => CaseData.Uniform(111, 2, 6)),
        new("TanhShrink", () => new TanhShrink<double>(), () => CaseData.Uniform(112, 5)),
        new("Abs", () => new Abs<double>(), () => CaseData.AwayFromZero(113, 0.05, 2, 3)),
        new("Exp", () => new Exp<double>(), () => CaseData.Uniform(114, 2, 3)),
        new("Log", () => new Log<double>(), () => CaseData.Uniform(115, 2, 3).Abs().Add(0.2)),
        new("Sqrt", () => new Sqrt<double>(), () => CaseData.Uniform(116, 2, 3).Abs().Add(0.2)),
        new("Square", () => new Square<double>(), () => CaseData.Uniform(117, 4)),
        new("Power", () => new Power<double>(2.5, 2, 3), () => CaseData.Uniform(118, 2, 3)),
        new("AddConstant", () => new AddConstant<double>(1.5), () => CaseData.Uniform(119, 3)),
        new("MulConstant in place", () => new MulConstant<double>(-2, inplace: true), () => CaseData.Uniform(120, 3, 2)),
        new("Clamp", () => new Clamp<double>(-0.4, 0.7), () => CaseData.Uniform(121, 10)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
