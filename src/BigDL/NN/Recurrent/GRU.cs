using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Gated recurrent unit step: r = σ(W_r·x + U_r·h + b_r), z = σ(W_z·x + U_z·h + b_z),
/// n = tanh(W_n·x + b_n + U_n·(r ⊙ h)), h′ = (1 − z) ⊙ n + z ⊙ h; the output is h′.
/// </summary>
/// <remarks>
/// BigDL's <c>GRU</c>: the reset gate multiplies h before its projection (PyTorch's <c>nn.GRUCell</c> applies it after).
/// Input projections: Linear(inputSize, 3·hiddenSize) in the order r, z, n; recurrent: bias-free
/// Linear(hiddenSize, 2·hiddenSize) for r, z and Linear(hiddenSize, hiddenSize) for n.
/// </remarks>
public sealed class GRU<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _gates = new();
    private readonly Tensor<T> _resetHidden = new();
    private readonly Tensor<T> _candidate = new();

    /// <summary>Creates the cell.</summary>
    /// <param name="inputSize">Features of each input step.</param>
    /// <param name="hiddenSize">Size of the hidden state.</param>
    public GRU(int inputSize, int hiddenSize) : base(inputSize, hiddenSize)
    {
        InputToGates = new Linear<T>(inputSize, 3 * hiddenSize);
        HiddenToGates = new Linear<T>(hiddenSize, 2 * hiddenSize, withBias: false);
        HiddenToCandidate = new Linear<T>(hiddenSize, hiddenSize, withBias: false);
    }

    /// <summary>Input projection for r, z and the candidate (weight [3·hiddenSize, inputSize]).</summary>
    public Linear<T> InputToGates { get; }

    /// <summary>Recurrent projection for r and z (weight [2·hiddenSize, hiddenSize]).</summary>
    public Linear<T> HiddenToGates { get; }

    /// <summary>Recurrent projection of r ⊙ h for the candidate (weight [hiddenSize, hiddenSize]).</summary>
    public Linear<T> HiddenToCandidate { get; }

    private protected override IEnumerable<Linear<T>> Projections => [InputToGates, HiddenToGates, HiddenToCandidate];

    /// <inheritdoc/>
    public override IActivity InitialHidden(int batch) => new Tensor<T>(batch, HiddenSize);

    /// <inheritdoc/>
    public override void Reset()
    {
        InputToGates.Reset();
        HiddenToGates.Reset();
        HiddenToCandidate.Reset();
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters()
    {
        var (w1, g1) = InputToGates.Parameters();
        var (w2, g2) = HiddenToGates.Parameters();
        var (w3, g3) = HiddenToCandidate.Parameters();
        return ([.. w1, .. w2, .. w3], [.. g1, .. g2, .. g3]);
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        var (x, hidden) = Unpack(input);
        var h = HiddenTensor(hidden, x.Size(0));
        int n = HiddenSize;
        var projected = InputToGates.Forward(x);
        var gates = _gates.Resize(x.Size(0), 2 * n).Copy(projected.Narrow(1, 0, 2 * n)).Add(HiddenToGates.Forward(h)).Sigmoid();
        _resetHidden.ResizeAs(h).Copy(h).CMul(gates.Narrow(1, 0, n));
        _candidate.ResizeAs(h).Copy(projected.Narrow(1, 2 * n, n)).Add(HiddenToCandidate.Forward(_resetHidden)).Tanh();
        var z = gates.Narrow(1, n, n);
        var next = _candidate.Clone().CMul(z.Clone().Neg().Add(T.One)).Add(h.Clone().CMul(z));
        Output.Truncate(0).Insert(next).Insert(next);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        var (x, hidden) = Unpack(input);
        var h = HiddenTensor(hidden, x.Size(0));
        int n = HiddenSize;
        var r = _gates.Narrow(1, 0, n);
        var z = _gates.Narrow(1, n, n);
        var gradNext = gradOutput.Get<Tensor<T>>(0).Clone().Add(gradOutput.Get<Tensor<T>>(1));
        var gradCandidatePre = gradNext.Clone().CMul(z.Clone().Neg().Add(T.One)).CMul(_candidate.Clone().Square().Neg().Add(T.One));
        var gradResetHidden = HiddenToCandidate.Backward(_resetHidden, gradCandidatePre);
        var gradInputGates = new Tensor<T>(x.Size(0), 3 * n);
        var gradGates = gradInputGates.Narrow(1, 0, 2 * n);
        gradGates.Narrow(1, 0, n).Copy(gradResetHidden).CMul(h).CMul(r).CMul(r.Clone().Neg().Add(T.One));
        gradGates.Narrow(1, n, n).Copy(gradNext).CMul(h.Clone().Sub(_candidate)).CMul(z).CMul(z.Clone().Neg().Add(T.One));
        gradInputGates.Narrow(1, 2 * n, n).Copy(gradCandidatePre);
        var dx = InputToGates.Backward(x, gradInputGates);
        var dh = HiddenToGates.Backward(h, gradGates.Contiguous()).Clone()
            .Add(gradResetHidden.Clone().CMul(r))
            .Add(gradNext.Clone().CMul(z));
        GradInput.Truncate(0).Insert(dx).Insert(dh);
        return GradInput;
    }
}
