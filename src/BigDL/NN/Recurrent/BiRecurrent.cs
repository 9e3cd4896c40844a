using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Bidirectional recurrent layer over [N, T, inputSize]: one <see cref="Recurrent{T}"/> reads the sequence forward,
/// a second (with its own copy of the cell) reads it backward; their outputs at each step are added, giving
/// [N, T, hiddenSize].
/// </summary>
/// <remarks>BigDL's <c>BiRecurrent</c> with its default merge (element-wise sum, CAddTable): <c>new BiRecurrent&lt;float&gt;().Add(new LSTM&lt;float&gt;(10, 20))</c>.</remarks>
public sealed class BiRecurrent<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _reversed = new();

    /// <summary>Creates the layer; add its cell with <see cref="Add"/>.</summary>
    public BiRecurrent() : base(new Tensor<T>(), new Tensor<T>())
    {
    }

    /// <summary>Creates the layer from its two directions, each a Recurrent with its own cell (what <see cref="Add"/> builds).</summary>
    /// <exception cref="ArgumentException">A direction has no cell.</exception>
    public BiRecurrent(Recurrent<T> forward, Recurrent<T> backward) : this()
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        if (forward.Modules.Count == 0 || backward.Modules.Count == 0)
            throw new ArgumentException("both directions need their cell", forward.Modules.Count == 0 ? nameof(forward) : nameof(backward));
        AddModule(forward);
        AddModule(backward);
    }

    /// <summary>Sets the cell: the forward direction gets it, the backward direction an independent copy (re-initialised).</summary>
    public BiRecurrent<T> Add(Cell<T> cell)
    {
        if (Modules.Count > 0) throw new InvalidOperationException($"{PrintName}: already has a cell");
        var backwardCell = (Cell<T>)cell.CloneModule();
        backwardCell.Reset();
        AddModule(new Recurrent<T>().Add(cell));
        AddModule(new Recurrent<T>().Add(backwardCell));
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        if (Modules.Count == 0) throw new InvalidOperationException($"{PrintName}: has no cell; Add one first");
        var forward = ForwardChild(0, input).ToTensor<T>();
        var backward = ForwardChild(1, Reverse(input, _reversed)).ToTensor<T>();
        Output.ResizeAs(forward).Copy(forward).Add(Reverse(backward, new Tensor<T>()));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        var forward = BackwardChild(0, input, gradOutput).ToTensor<T>();
        var backward = BackwardChild(1, _reversed, Reverse(gradOutput, new Tensor<T>())).ToTensor<T>();
        GradInput.ResizeAs(forward).Copy(forward).Add(Reverse(backward, new Tensor<T>()));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe("{", "input -> (0) forward in time, (1) backward in time -> sum");

    /// <summary>The sequence [N, T, …] in reverse time order, written into <paramref name="target"/>.</summary>
    private static Tensor<T> Reverse(Tensor<T> sequence, Tensor<T> target)
    {
        Require.Shape(sequence.Dim() == 3, "input [N, T, inputSize] (batch first)", sequence);
        target.ResizeAs(sequence);
        int steps = sequence.Size(1);
        for (int t = 0; t < steps; t++) target.Select(1, t).Copy(sequence.Select(1, steps - 1 - t));
        return target;
    }
}
