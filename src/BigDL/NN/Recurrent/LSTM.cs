using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Long short-term memory step over hidden state (h, c): gates = W·x + U·h + b split into input i, candidate g,
/// forget f and output o; c′ = σ(f)·c + σ(i)·tanh(g); h′ = σ(o)·tanh(c′); the output is h′.
/// </summary>
/// <remarks>
/// BigDL's <c>LSTM</c> (PyTorch <c>nn.LSTMCell</c>, whose gate order is i, f, g, o). One Linear(inputSize, 4·hiddenSize)
/// and one bias-free Linear(hiddenSize, 4·hiddenSize) compute all gates with two GEMMs; gate blocks are in BigDL's order
/// input, candidate, forget, output. Dropout between steps (BigDL's <c>p</c>) is not supported.
/// </remarks>
public sealed class LSTM<T> : LstmCellBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _gates = new();
    private readonly Tensor<T> _tanhCell = new();
    private readonly Tensor<T> _gradGates = new();

    /// <summary>Creates the cell.</summary>
    /// <param name="inputSize">Features of each input step.</param>
    /// <param name="hiddenSize">Size of h and c.</param>
    public LSTM(int inputSize, int hiddenSize) : base(inputSize, hiddenSize)
    {
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        var (x, hidden) = Unpack(input);
        var (h, c) = State(hidden, x.Size(0));
        var gates = _gates.ResizeAs(InputToGates.Forward(x)).Copy(InputToGates.Output).Add(HiddenToGates.Forward(h));
        int n = HiddenSize;
        gates.Narrow(1, 0, n).Sigmoid();
        gates.Narrow(1, n, n).Tanh();
        gates.Narrow(1, 2 * n, 2 * n).Sigmoid();
        var cell = gates.Narrow(1, 2 * n, n).Clone().CMul(c).Add(gates.Narrow(1, 0, n).Clone().CMul(gates.Narrow(1, n, n)));
        _tanhCell.ResizeAs(cell).Copy(cell).Tanh();
        var next = gates.Narrow(1, 3 * n, n).Clone().CMul(_tanhCell);
        Output.Truncate(0).Insert(next).Insert(new Table(next, cell));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        var (x, hidden) = Unpack(input);
        var (h, c) = State(hidden, x.Size(0));
        int n = HiddenSize;
        var state = gradOutput[1].ToTable();
        var gradH = gradOutput.Get<Tensor<T>>(0).Clone().Add(state.Get<Tensor<T>>(0));
        var i = _gates.Narrow(1, 0, n);
        var g = _gates.Narrow(1, n, n);
        var f = _gates.Narrow(1, 2 * n, n);
        var o = _gates.Narrow(1, 3 * n, n);
        // dc′ = dh′·o·(1 − tanh²c′) + (gradient arriving for c′)
        var gradCell = gradH.Clone().CMul(o).CMul(_tanhCell.Clone().Square().Neg().Add(T.One)).Add(state.Get<Tensor<T>>(1));
        _gradGates.ResizeAs(_gates);
        _gradGates.Narrow(1, 0, n).Copy(gradCell).CMul(g).CMul(i).CMul(i.Clone().Neg().Add(T.One));
        _gradGates.Narrow(1, n, n).Copy(gradCell).CMul(i).CMul(g.Clone().Square().Neg().Add(T.One));
        _gradGates.Narrow(1, 2 * n, n).Copy(gradCell).CMul(c).CMul(f).CMul(f.Clone().Neg().Add(T.One));
        _gradGates.Narrow(1, 3 * n, n).Copy(gradH).CMul(_tanhCell).CMul(o).CMul(o.Clone().Neg().Add(T.One));
        var dx = InputToGates.Backward(x, _gradGates);
        var dh = HiddenToGates.Backward(h, _gradGates);
        GradInput.Truncate(0).Insert(dx).Insert(new Table(dh, gradCell.CMul(f)));
        return GradInput;
    }
}
