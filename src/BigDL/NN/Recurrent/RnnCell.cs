using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Elman step: h′ = tanh(W_ih·x + b_ih + W_hh·h + b_hh); the output is h′.</summary>
/// <remarks>BigDL's <c>RnnCell</c> with its default Tanh activation (PyTorch <c>nn.RNNCell</c>).</remarks>
public sealed class RnnCell<T> : Cell<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _gradPre = new();

    /// <summary>Creates the cell.</summary>
    /// <param name="inputSize">Features of each input step.</param>
    /// <param name="hiddenSize">Size of the hidden state.</param>
    public RnnCell(int inputSize, int hiddenSize) : base(inputSize, hiddenSize)
    {
        InputToHidden = new Linear<T>(inputSize, hiddenSize);
        HiddenToHidden = new Linear<T>(hiddenSize, hiddenSize);
    }

    /// <summary>The input projection (weight [hiddenSize, inputSize]).</summary>
    public Linear<T> InputToHidden { get; }

    /// <summary>The recurrent projection (weight [hiddenSize, hiddenSize]).</summary>
    public Linear<T> HiddenToHidden { get; }

    private protected override IEnumerable<Linear<T>> Projections => [InputToHidden, HiddenToHidden];

    /// <inheritdoc/>
    public override IActivity InitialHidden(int batch) => new Tensor<T>(batch, HiddenSize);

    /// <inheritdoc/>
    public override void Reset()
    {
        InputToHidden.Reset();
        HiddenToHidden.Reset();
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters()
    {
        var (w1, g1) = InputToHidden.Parameters();
        var (w2, g2) = HiddenToHidden.Parameters();
        return ([.. w1, .. w2], [.. g1, .. g2]);
    }

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        var (x, hidden) = Unpack(input);
        var h = HiddenTensor(hidden, x.Size(0));
        var next = InputToHidden.Forward(x).Clone().Add(HiddenToHidden.Forward(h)).Tanh();
        Output.Truncate(0).Insert(next).Insert(next);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        var (x, hidden) = Unpack(input);
        var h = HiddenTensor(hidden, x.Size(0));
        var next = Output.Get<Tensor<T>>(0);
        // Both outputs are h′: their gradients add, then pass through tanh′ = 1 − h′².
        _gradPre.ResizeAs(next).Copy(gradOutput.Get<Tensor<T>>(0)).Add(gradOutput.Get<Tensor<T>>(1));
        _gradPre.CMul(next.Clone().Square().Neg().Add(T.One));
        var dx = InputToHidden.Backward(x, _gradPre);
        var dh = HiddenToHidden.Backward(h, _gradPre);
        GradInput.Truncate(0).Insert(dx).Insert(dh);
        return GradInput;
    }
}
