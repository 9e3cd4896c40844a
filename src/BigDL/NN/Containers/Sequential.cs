using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Chains modules: each child's output is the next child's input.</summary>
/// <remarks>
/// BigDL/Torch <c>nn.Sequential</c>. Prints as <c>nn.Sequential { [input -> (0) -> (1) -> output] … }</c>;
/// children are numbered from 0, as <see cref="Container{TIn, TOut, T}.Modules"/> indexes them (Torch prints from 1).
/// </remarks>
public sealed class Sequential<T> : Container<IActivity, IActivity, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<IActivity> _inputs = [];

    /// <summary>Creates an empty chain; an empty chain passes its input through.</summary>
    public Sequential() : base(new Tensor<T>(), new Tensor<T>())
    {
    }

    /// <summary>Appends <paramref name="module"/> to the chain.</summary>
    public Sequential<T> Add(Module<T> module)
    {
        AddModule(module);
        return this;
    }

    /// <inheritdoc/>
    protected override IActivity UpdateOutput(IActivity input)
    {
        _inputs.Clear();
        var current = input;
        for (int i = 0; i < Modules.Count; i++)
        {
            _inputs.Add(current);
            current = ForwardChild(i, current);
        }
        return current;
    }

    /// <inheritdoc/>
    protected override IActivity UpdateGradInput(IActivity input, IActivity gradOutput)
    {
        if (_inputs.Count != Modules.Count)
            throw new InvalidOperationException($"{Label}: Backward needs the input of the last Forward; call Forward first");
        var gradient = gradOutput;
        for (int i = Modules.Count - 1; i >= 0; i--) gradient = BackwardChild(i, _inputs[i], gradient);
        return gradient;
    }

    internal override void BackwardForParameters(IActivity input, IActivity gradOutput)
    {
        if (_inputs.Count != Modules.Count)
            throw new InvalidOperationException($"{Label}: Backward needs the input of the last Forward; call Forward first");
        // Layers before the first one with parameters only pass gradients on to the discarded input: skip them.
        int first = 0;
        while (first < Modules.Count && Modules[first].ParameterCount() == 0) first++;
        var gradient = gradOutput;
        for (int i = Modules.Count - 1; i > first; i--) gradient = BackwardChild(i, _inputs[i], gradient);
        if (first < Modules.Count) BackwardChildForParameters(first, _inputs[first], gradient);
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        var flow = "[input -> " + string.Concat(Enumerable.Range(0, Modules.Count).Select(i => $"({i}) -> ")) + "output]";
        return Describe("{", flow);
    }
}
