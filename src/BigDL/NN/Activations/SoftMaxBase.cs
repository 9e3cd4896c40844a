using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Shared shape rules of <see cref="SoftMax{T}"/>, <see cref="LogSoftMax{T}"/> and <see cref="SoftMin{T}"/>: a
/// vector [n] or a batch [N, n] normalises over its last dimension; a [C, H, W] image or an [N, C, H, W] batch
/// normalises over the channels at each pixel (BigDL's rule).
/// </summary>
public abstract class SoftMaxBase<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly bool _log;
    private readonly bool _negate;
    private readonly Tensor<T> _negated = new();

    private protected SoftMaxBase(bool log, bool negate)
    {
        _log = log;
        _negate = negate;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (outer, n, inner) = Axes(input);
        var x = input.Contiguous();
        if (_negate) x = _negated.ResizeAs(x).Copy(x).Neg();
        Output.ResizeAs(input);
        SoftMaxKernel.Forward<T>(x.AsSpan(), Output.AsSpan(), outer, n, inner, _log);
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var (outer, n, inner) = Axes(input);
        GradInput.ResizeAs(input);
        SoftMaxKernel.Backward<T>(Output.AsSpan(), gradOutput.Contiguous().AsSpan(), GradInput.AsSpan(), outer, n, inner, _log);
        if (_negate) GradInput.Neg();
        return GradInput;
    }

    private (int Outer, int N, int Inner) Axes(Tensor<T> input)
    {
        Require.Dims(input, "input [n], [N, n], [C, H, W] or [N, C, H, W]", 1, 2, 3, 4);
        var s = input.Size();
        return s.Length switch
        {
            1 => (1, s[0], 1),
            2 => (s[0], s[1], 1),
            3 => (1, s[0], s[1] * s[2]),
            _ => (s[0], s[1], s[2] * s[3]),
        };
    }
}
