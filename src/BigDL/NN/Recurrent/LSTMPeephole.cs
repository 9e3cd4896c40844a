using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// LSTM step with peephole connections: the input and forget gates also see the previous cell c (i = σ(…+ pᵢ⊙c),
/// f = σ(…+ p_f⊙c)), the output gate sees the new cell (o = σ(…+ p_o⊙c′)); otherwise as <see cref="LSTM{T}"/>.
/// </summary>
/// <remarks>
/// BigDL's <c>LSTMPeephole</c> (Gers and Schmidhuber's peepholes). Gate blocks in BigDL's order input, candidate,
/// forget, output; the peephole weights are <see cref="Peephole"/> [3, hiddenSize] for i, f, o, starting at 0.
/// </remarks>
public sealed class LSTMPeephole<T> : LstmCellBase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _gates = new();
    private readonly Tensor<T> _cell = new();
    private readonly Tensor<T> _tanhCell = new();

    /// <summary>Creates the cell.</summary>
    /// <param name="inputSize">Features of each input step.</param>
    /// <param name="hiddenSize">Size of h and c.</param>
    public LSTMPeephole(int inputSize, int hiddenSize) : base(inputSize, hiddenSize)
    {
        Peephole = new Tensor<T>(3, hiddenSize);
        GradPeephole = new Tensor<T>(3, hiddenSize);
    }

    /// <summary>Peephole weights [3, hiddenSize]: rows for the input, forget and output gates.</summary>
    public Tensor<T> Peephole { get; }

    /// <summary>Gradient of the peephole weights.</summary>
    public Tensor<T> GradPeephole { get; }

    /// <inheritdoc/>
    public override void Reset()
    {
        base.Reset();
        Peephole.Zero();
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters()
    {
        var (weights, gradients) = base.Parameters();
        return ([.. weights, Peephole], [.. gradients, GradPeephole]);
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        var (x, hidden) = Unpack(input);
        var (h, c) = State(hidden, x.Size(0));
        int n = HiddenSize, batch = x.Size(0);
        var gates = _gates.ResizeAs(InputToGates.Forward(x)).Copy(InputToGates.Output).Add(HiddenToGates.Forward(h));
        gates.Narrow(1, 0, n).Add(c.Clone().CMul(PeepholeRow(0, batch))).Sigmoid();
        gates.Narrow(1, n, n).Tanh();
        gates.Narrow(1, 2 * n, n).Add(c.Clone().CMul(PeepholeRow(1, batch))).Sigmoid();
        _cell.ResizeAs(c).Copy(gates.Narrow(1, 2 * n, n)).CMul(c).Add(gates.Narrow(1, 0, n).Clone().CMul(gates.Narrow(1, n, n)));
        gates.Narrow(1, 3 * n, n).Add(_cell.Clone().CMul(PeepholeRow(2, batch))).Sigmoid();
        _tanhCell.ResizeAs(_cell).Copy(_cell).Tanh();
        var next = gates.Narrow(1, 3 * n, n).Clone().CMul(_tanhCell);
        Output.Truncate(0).Insert(next).Insert(new Table(next, _cell.Clone()));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        var (x, hidden) = Unpack(input);
        var (h, c) = State(hidden, x.Size(0));
        int n = HiddenSize, batch = x.Size(0);
        var state = gradOutput[1].ToTable();
        var gradH = gradOutput.Get<Tensor<T>>(0).Clone().Add(state.Get<Tensor<T>>(0));
        var i = _gates.Narrow(1, 0, n);
        var g = _gates.Narrow(1, n, n);
        var f = _gates.Narrow(1, 2 * n, n);
        var o = _gates.Narrow(1, 3 * n, n);
        var gradGates = new Tensor<T>(batch, 4 * n);
        var dO = gradGates.Narrow(1, 3 * n, n).Copy(gradH).CMul(_tanhCell).CMul(o).CMul(o.Clone().Neg().Add(T.One));
        var gradCell = gradH.Clone().CMul(o).CMul(_tanhCell.Clone().Square().Neg().Add(T.One))
            .Add(state.Get<Tensor<T>>(1)).Add(dO.Clone().CMul(PeepholeRow(2, batch)));
        var dI = gradGates.Narrow(1, 0, n).Copy(gradCell).CMul(g).CMul(i).CMul(i.Clone().Neg().Add(T.One));
        gradGates.Narrow(1, n, n).Copy(gradCell).CMul(i).CMul(g.Clone().Square().Neg().Add(T.One));
        var dF = gradGates.Narrow(1, 2 * n, n).Copy(gradCell).CMul(c).CMul(f).CMul(f.Clone().Neg().Add(T.One));
        GradPeephole.Select(0, 0).Add(WeightScale, dI.Clone().CMul(c).Sum(0).View(n));
        GradPeephole.Select(0, 1).Add(WeightScale, dF.Clone().CMul(c).Sum(0).View(n));
        GradPeephole.Select(0, 2).Add(WeightScale, dO.Clone().CMul(_cell).Sum(0).View(n));
        var dx = InputToGates.Backward(x, gradGates);
        var dh = HiddenToGates.Backward(h, gradGates);
        var dc = gradCell.Clone().CMul(f).Add(dI.Clone().CMul(PeepholeRow(0, batch))).Add(dF.Clone().CMul(PeepholeRow(1, batch)));
        GradInput.Truncate(0).Insert(dx).Insert(new Table(dh, dc));
        return GradInput;
    }

    private Tensor<T> PeepholeRow(int gate, int batch) => Peephole.Select(0, gate).View(1, HiddenSize).Expand(batch, HiddenSize);

}
