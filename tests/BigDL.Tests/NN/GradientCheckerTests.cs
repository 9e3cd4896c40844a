using BigDL.NN;
using BigDL.Tensors;
using Xunit.Sdk;

namespace BigDL.Tests.NN;

/// <summary>The checker itself must fail on wrong gradients, or every gradient test would be hollow.</summary>
public class GradientCheckerTests
{
    /// <summary>y = 2x, but backward claims 3·gradOutput and doubles a parameter gradient that does not accumulate.</summary>
    private sealed class WrongGradient(bool wrongInput) : TensorModule<double>
    {
        public Tensor<double> Weight { get; } = new Tensor<double>([0.5], 1);
        public Tensor<double> GradWeight { get; } = new Tensor<double>(1);

        protected override Tensor<double> UpdateOutput(Tensor<double> input) => Output.ResizeAs(input).Copy(input).Mul(2 * Weight[0] * 2);

        protected override Tensor<double> UpdateGradInput(Tensor<double> input, Tensor<double> gradOutput) =>
            GradInput.ResizeAs(gradOutput).Copy(gradOutput).Mul(wrongInput ? 3 : 2 * Weight[0] * 2);

        protected override void AccGradParameters(Tensor<double> input, Tensor<double> gradOutput) =>
            GradWeight[0] = 4 * input.Clone().CMul(gradOutput).Sum();   // overwrites instead of adding

        public override (Tensor<double>[] Weights, Tensor<double>[] Gradients) Parameters() => ([Weight], [GradWeight]);
    }

    [Fact]
    public void CheckModule_WrongInputGradient_FailsNamingTheElement()
    {
        var e = Assert.Throws<XunitException>(() => GradientChecker.CheckModule(new WrongGradient(wrongInput: true), CaseData.Uniform(1, 2, 2)));
        Assert.Contains("dL/dinput[0,0]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckModule_GradientThatDoesNotAccumulate_Fails()
    {
        var e = Assert.Throws<XunitException>(() => GradientChecker.CheckModule(new WrongGradient(wrongInput: false), CaseData.Uniform(1, 2, 2)));
        Assert.Contains("accumulated gradient of parameter#0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckModule_CorrectLayer_Passes() =>
        GradientChecker.CheckModule(new Linear<double>(3, 2), CaseData.Uniform(2, 4, 3));
}
