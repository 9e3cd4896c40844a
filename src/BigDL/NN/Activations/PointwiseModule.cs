using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of element-wise layers y = f(x) whose gradient is f′ computed from x and y: subclasses give the two scalar
/// functions; this class walks contiguous spans, writes into reused buffers and handles in-place operation.
/// </summary>
public abstract class PointwiseModule<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _savedInput = new();

    /// <summary>Creates the layer; in place, the output overwrites the input (which is saved for the gradient).</summary>
    private protected PointwiseModule(bool inPlace) => InPlace = inPlace;

    /// <summary>Whether the output overwrites the input.</summary>
    public bool InPlace { get; }

    /// <summary>f(x).</summary>
    private protected abstract T Apply(T x);

    /// <summary>f′(x), given x and y = f(x).</summary>
    private protected abstract T Derivative(T x, T y);

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var x = input.Contiguous();
        if (InPlace && ReferenceEquals(x, input))
        {
            _savedInput.ResizeAs(input).Copy(input);
            Output = input;
        }
        else
        {
            if (ReferenceEquals(Output, input) || !Output.IsContiguous()) Output = new Tensor<T>();
            Output.ResizeAs(input);
        }
        var source = InPlace && ReferenceEquals(x, input) ? _savedInput.AsSpan() : x.AsSpan();
        var target = Output.AsSpan();
        for (int i = 0; i < source.Length; i++) target[i] = Apply(source[i]);
        return Output;
    }

    /// <inheritdoc/>
    protected sealed override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var x = ReferenceEquals(Output, input) ? _savedInput.AsSpan() : input.Contiguous().AsSpan();
        var y = Output.AsSpan();
        var g = gradOutput.Contiguous();
        GradInput.ResizeAs(input);
        var gs = g.AsSpan();
        var dx = GradInput.AsSpan();
        for (int i = 0; i < dx.Length; i++) dx[i] = gs[i] * Derivative(x[i], y[i]);
        return GradInput;
    }
}
