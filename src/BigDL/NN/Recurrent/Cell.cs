using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// One time step of a recurrent layer: input Table(xₜ [N, inputSize], hidden) → output Table(hₜ [N, hiddenSize],
/// hidden′). The hidden state is a tensor [N, hiddenSize] (RnnCell, GRU) or a table (h, c) (LSTM).
/// </summary>
/// <remarks>
/// BigDL's <c>Cell</c>. Put a cell in a <see cref="Recurrent{T}"/> to run it over a sequence; the Recurrent layer
/// clones it per time step with the parameters shared.
/// </remarks>
public abstract class Cell<T> : AbstractModule<Table, Table, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected Cell(int inputSize, int hiddenSize) : base(new Table(), new Table())
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenSize);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
    }

    /// <summary>Features of each input step.</summary>
    public int InputSize { get; }

    /// <summary>Size of the hidden state (and of each output step).</summary>
    public int HiddenSize { get; }

    /// <summary>The linear projections inside the cell, which must follow its gradient scales.</summary>
    private protected abstract IEnumerable<Linear<T>> Projections { get; }

    /// <inheritdoc/>
    public override Module<T> SetScaleW(double scale)
    {
        foreach (var projection in Projections) projection.SetScaleW(scale);
        return base.SetScaleW(scale);
    }

    /// <inheritdoc/>
    public override Module<T> SetScaleB(double scale)
    {
        foreach (var projection in Projections) projection.SetScaleB(scale);
        return base.SetScaleB(scale);
    }

    /// <summary>A zero hidden state for a batch of <paramref name="batch"/>.</summary>
    public abstract IActivity InitialHidden(int batch);

    /// <summary>The step input and hidden state, checked.</summary>
    private protected (Tensor<T> X, IActivity Hidden) Unpack(Table input)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> x || x.Dim() != 2 || x.Size(1) != InputSize)
            throw new ArgumentException($"expected step input [N, {InputSize}], got {Activity.Describe(input[0])}", nameof(input));
        return (x, input[1]);
    }

    /// <summary>Checks a hidden tensor [N, hiddenSize].</summary>
    private protected Tensor<T> HiddenTensor(IActivity hidden, int batch, string what = "hidden state")
    {
        if (hidden is not Tensor<T> h || h.Dim() != 2 || h.Size(0) != batch || h.Size(1) != HiddenSize)
            throw new ArgumentException($"expected {what} [{batch}, {HiddenSize}], got {Activity.Describe(hidden)}", "input");
        return h;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({InputSize}, {HiddenSize})";
}
