using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Randomised leaky ReLU: y = x for x ≥ 0, else a·x, with a drawn uniformly from [lower, upper] per element in
/// training and fixed at (lower + upper)/2 in evaluation.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.RReLU</c> (PyTorch <c>nn.RReLU</c>); slopes come from <see cref="RandomGenerator.Default"/>.</remarks>
/// <param name="lower">Smallest slope (default 1/8).</param>
/// <param name="upper">Largest slope (default 1/3).</param>
public sealed class RReLU<T>(double lower = 1.0 / 8, double upper = 1.0 / 3) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _slopes = new();

    /// <summary>Smallest slope.</summary>
    public double Lower { get; } = lower >= 0 && lower <= upper ? lower : throw new ArgumentException($"expected 0 <= lower <= upper, got {lower} and {upper}", nameof(lower));

    /// <summary>Largest slope.</summary>
    public double Upper { get; } = upper;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var x = input.Contiguous().AsSpan();
        _slopes.ResizeAs(input);
        var a = _slopes.AsSpan();
        var random = RandomGenerator.Default;
        for (int i = 0; i < a.Length; i++)
            a[i] = x[i] >= T.Zero ? T.One : T.CreateTruncating(IsTraining ? random.Uniform(Lower, Upper) : (Lower + Upper) / 2);
        Output.ResizeAs(input);
        System.Numerics.Tensors.TensorPrimitives.Multiply(x, a, Output.AsSpan());
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(gradOutput);
        System.Numerics.Tensors.TensorPrimitives.Multiply(gradOutput.Contiguous().AsSpan(), _slopes.AsSpan(), GradInput.AsSpan());
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Lower}, {Upper})");
}
