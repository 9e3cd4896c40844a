using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Identity forward that adds an L1 penalty l1weight·Σ|x| on its input: backward adds l1weight·sign(x) (divided by
/// the element count with <c>sizeAverage</c>) to the gradient. The penalty of the last forward is in <see cref="Loss"/>.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.L1Penalty</c>, for sparse activations (e.g. in autoencoders).</remarks>
/// <param name="l1weight">Weight of the penalty.</param>
/// <param name="sizeAverage">Divide by the number of elements (default false).</param>
/// <param name="provideOutput">Pass gradOutput through and add the penalty's gradient (default true); false: only the penalty's gradient.</param>
public sealed class L1Penalty<T>(double l1weight, bool sizeAverage = false, bool provideOutput = true) : TensorModule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Weight of the penalty.</summary>
    public double L1Weight { get; } = l1weight;

    /// <summary>Whether the penalty is divided by the element count.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <summary>Whether the output gradient passes through.</summary>
    public bool ProvideOutput { get; } = provideOutput;

    /// <summary>The penalty of the last forward pass.</summary>
    public double Loss { get; private set; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        double scale = SizeAverage ? L1Weight / Math.Max(input.NElement(), 1) : L1Weight;
        Loss = scale * double.CreateTruncating(input.Clone().Abs().Sum());
        Output = input;
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        double scale = SizeAverage ? L1Weight / Math.Max(input.NElement(), 1) : L1Weight;
        GradInput.ResizeAs(input).Copy(input).Sign().Mul(T.CreateTruncating(scale));
        if (ProvideOutput) GradInput.Add(gradOutput);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({L1Weight}, {SizeAverage}, {ProvideOutput})");
}
