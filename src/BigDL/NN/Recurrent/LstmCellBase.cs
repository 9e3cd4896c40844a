using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// What <see cref="LSTM{T}"/> and <see cref="LSTMPeephole{T}"/> share: the gate projections (one Linear for the input,
/// one bias-free Linear for h, each to 4·hiddenSize gate values in BigDL's order input, candidate, forget, output) and
/// the (h, c) state.
/// </summary>
public abstract class LstmCellBase<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected LstmCellBase(int inputSize, int hiddenSize) : base(inputSize, hiddenSize)
    {
        InputToGates = new Linear<T>(inputSize, 4 * hiddenSize);
        HiddenToGates = new Linear<T>(hiddenSize, 4 * hiddenSize, withBias: false);
    }

    /// <summary>Input projection to the four gates (weight [4·hiddenSize, inputSize]).</summary>
    public Linear<T> InputToGates { get; }

    /// <summary>Recurrent projection to the four gates, without bias (weight [4·hiddenSize, hiddenSize]).</summary>
    public Linear<T> HiddenToGates { get; }

    private protected override IEnumerable<Linear<T>> Projections => [InputToGates, HiddenToGates];

    /// <inheritdoc/>
    public override IActivity InitialHidden(int batch) => new Table(new Tensor<T>(batch, HiddenSize), new Tensor<T>(batch, HiddenSize));

    /// <inheritdoc/>
    public override void Reset()
    {
        InputToGates.Reset();
        HiddenToGates.Reset();
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters()
    {
        var (w1, g1) = InputToGates.Parameters();
        var (w2, g2) = HiddenToGates.Parameters();
        return ([.. w1, .. w2], [.. g1, .. g2]);
    }

    /// <summary>The (h, c) state table, checked.</summary>
    private protected (Tensor<T> H, Tensor<T> C) State(IActivity hidden, int batch)
    {
        if (hidden is not Table state || state.Count != 2)
            throw new ArgumentException($"expected an LSTM state table (h, c) of [{batch}, {HiddenSize}] tensors, got {Activity.Describe(hidden)}", "input");
        return (HiddenTensor(state[0], batch, "h"), HiddenTensor(state[1], batch, "c"));
    }
}
