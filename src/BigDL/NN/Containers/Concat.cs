using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Gives the same tensor to every child and concatenates their outputs along <c>dimension</c>.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Concat</c>. The dimension is 0-based here (BigDL counts from 1): for an image batch
/// [N, C, H, W], channels are dimension 1, as GoogLeNet's Inception blocks use it. The outputs must agree in every
/// other dimension.
/// </remarks>
/// <param name="dimension">0-based dimension to concatenate along (negative: from the end).</param>
public sealed class Concat<T>(int dimension) : Container<Tensor<T>, Tensor<T>, T>(new Tensor<T>(), new Tensor<T>())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _branchGradient = new();
    private readonly List<int> _widths = [];

    /// <summary>The 0-based concatenation dimension.</summary>
    public int Dimension { get; } = dimension;

    /// <summary>Appends a branch.</summary>
    public Concat<T> Add(Module<T> module)
    {
        AddModule(module);
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        if (Modules.Count == 0) throw new InvalidOperationException($"{PrintName}: has no branches; Add some first");
        var outputs = new Tensor<T>[Modules.Count];
        for (int i = 0; i < Modules.Count; i++) outputs[i] = ForwardChild(i, input).ToTensor<T>();
        int dim = Axis(outputs[0]);
        var size = outputs[0].Size();
        size[dim] = 0;
        foreach (var o in outputs)
        {
            var s = o.Size();
            bool fits = s.Length == size.Length && Enumerable.Range(0, s.Length).All(d => d == dim || s[d] == size[d]);
            if (!fits)
                throw new ArgumentException($"branch outputs must agree except in dimension {dim}: got {string.Join(", ", outputs.Select(x => Shape.Format(x.Size())))}", "input");
            size[dim] += s[dim];
        }
        Output.Resize(size);
        int offset = 0;
        _widths.Clear();
        foreach (var o in outputs)
        {
            _widths.Add(o.Size(dim));
            Output.Narrow(dim, offset, o.Size(dim)).Copy(o);
            offset += o.Size(dim);
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        if (_widths.Count != Modules.Count) throw new InvalidOperationException($"{PrintName}: Backward needs the input of the last Forward; call Forward first");
        int dim = Axis(Output), offset = 0;
        for (int i = 0; i < Modules.Count; i++)
        {
            int width = _widths[i];
            _branchGradient.ResizeAs(gradOutput.Narrow(dim, offset, width)).Copy(gradOutput.Narrow(dim, offset, width));
            var gradient = BackwardChild(i, input, _branchGradient).ToTensor<T>();
            if (i == 0) GradInput.ResizeAs(gradient).Copy(gradient);
            else GradInput.Add(gradient);
            offset += width;
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => Describe("{", $"input -> each branch -> concatenated along dimension {Dimension}");

    private int Axis(Tensor<T> t)
    {
        int dim = Dimension < 0 ? Dimension + t.Dim() : Dimension;
        if (dim < 0 || dim >= t.Dim())
            throw new ArgumentException($"dimension {Dimension} is outside the branch outputs' {t.Dim()} dimensions {Shape.Format(t.Size())}", "input");
        return dim;
    }
}
