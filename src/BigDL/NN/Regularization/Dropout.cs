using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// In training, zeroes each element with probability p and scales the kept ones by 1/(1 − p) (when <c>scale</c>);
/// in evaluation, passes the input through (the output is the input tensor itself, as in BigDL). Any shape.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.Dropout</c> (PyTorch <c>nn.Dropout</c>). Each mask is seeded from
/// <see cref="RandomGenerator.Default"/> (two draws per forward), so seeding it makes a training run repeatable
/// whatever the number of cores.
/// </remarks>
public sealed class Dropout<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _output = new();
    private readonly Tensor<T> _gradInput = new();
    private T[] _mask = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="initP">Probability of dropping an element (default 0.5), in [0, 1).</param>
    /// <param name="inplace">Whether the output overwrites the input.</param>
    /// <param name="scale">Whether kept elements are scaled by 1/(1 − p) in training (default true).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initP"/> is outside [0, 1).</exception>
    public Dropout(double initP = 0.5, bool inplace = false, bool scale = true)
    {
        if (!(initP >= 0 && initP < 1)) throw new ArgumentOutOfRangeException(nameof(initP), initP, "initP must be in [0, 1)");
        (P, InPlace, Scale) = (initP, inplace, scale);
    }

    /// <summary>Probability of dropping an element.</summary>
    public double P { get; }

    /// <summary>Whether the output overwrites the input.</summary>
    public bool InPlace { get; }

    /// <summary>Whether kept elements are scaled by 1/(1 − p) in training.</summary>
    public bool Scale { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        if (InPlace || !IsTraining || P == 0)
        {
            Output = input;
            if (!IsTraining || P == 0) return Output;
        }
        else Output = _output.ResizeAs(input).Copy(input);
        int n = input.NElement();
        if (_mask.Length < n) _mask = new T[n];
        T keep = Scale ? T.CreateTruncating(1 / (1 - P)) : T.One;
        BernoulliMask.Fill(RandomGenerator.Default, _mask, n, 1 - P, keep);
        var y = Output.IsContiguous() ? Output : Output.Contiguous();
        System.Numerics.Tensors.TensorPrimitives.Multiply(y.AsSpan(), _mask.AsSpan(0, n), y.AsSpan());
        if (!ReferenceEquals(y, Output)) Output.Copy(y);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        if (InPlace || !IsTraining || P == 0)
        {
            GradInput = gradOutput;
            if (!IsTraining || P == 0) return GradInput;
        }
        else GradInput = _gradInput.ResizeAs(gradOutput).Copy(gradOutput);
        var g = GradInput.IsContiguous() ? GradInput : GradInput.Contiguous();
        System.Numerics.Tensors.TensorPrimitives.Multiply(g.AsSpan(), _mask.AsSpan(0, g.NElement()), g.AsSpan());
        if (!ReferenceEquals(g, GradInput)) GradInput.Copy(g);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({P})");
}
