using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Adds |pad| positions filled with <c>value</c> along <c>dim</c>: after the data for pad &gt; 0, before it for pad &lt; 0.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.Padding</c>; <c>dim</c> is 0-based (BigDL counts from 1) and shifts by one for a batch input (more
/// dimensions than <c>nInputDim</c>). BigDL's <c>nIndex</c> (insert in the middle) is not supported.
/// </remarks>
/// <param name="dim">0-based dimension of one sample.</param>
/// <param name="pad">Positions to add: positive after, negative before.</param>
/// <param name="nInputDim">Dimensions of one sample.</param>
/// <param name="value">Fill value (default 0).</param>
public sealed class Padding<T>(int dim, int pad, int nInputDim, double value = 0) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>0-based dimension of one sample.</summary>
    public int Dim { get; } = dim;

    /// <summary>Positions added (negative: before).</summary>
    public int Pad { get; } = pad != 0 ? pad : throw new ArgumentOutOfRangeException(nameof(pad), pad, "pad must not be 0");

    /// <summary>Dimensions of one sample.</summary>
    public int NInputDim { get; } = nInputDim;

    /// <summary>Fill value.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        int d = Axis(input);
        var size = input.Size();
        int length = size[d];
        size[d] += Math.Abs(Pad);
        Output.Resize(size).Fill(T.CreateTruncating(Value));
        Output.Narrow(d, Pad > 0 ? 0 : -Pad, length).Copy(input);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        int d = Axis(input);
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Copy(gradOutput.Narrow(d, Pad > 0 ? 0 : -Pad, input.Size(d)));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Dim}, {Pad}, {NInputDim}, {Value})");

    private int Axis(Tensor<T> input)
    {
        int d = Dim + (input.Dim() > NInputDim ? 1 : 0);
        Require.Shape(d >= 0 && d < input.Dim(), $"an input with dimension {d}", input);
        return d;
    }
}
