using System.Numerics;
using System.Text;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Base of modules made of child modules: parameters, mode, scales and re-initialisation pass through to the
/// children, and a child's bad-input error gets this container's place in the path.
/// </summary>
/// <remarks>BigDL's <c>Container</c>.</remarks>
public abstract class Container<TIn, TOut, T> : AbstractModule<TIn, TOut, T>, IContainer<T>
    where TIn : class, IActivity
    where TOut : class, IActivity
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Module<T>> _modules = [];

    /// <summary>Creates the container with its initial output and gradient buffers.</summary>
    protected Container(TOut output, TIn gradInput) : base(output, gradInput)
    {
    }

    /// <inheritdoc/>
    public IReadOnlyList<Module<T>> Modules => _modules;

    /// <summary>Appends <paramref name="module"/> to the children.</summary>
    protected void AddModule(Module<T> module)
    {
        ArgumentNullException.ThrowIfNull(module);
        _modules.Add(module);
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters()
    {
        var weights = new List<Tensor<T>>();
        var gradients = new List<Tensor<T>>();
        foreach (var module in _modules)
        {
            var (w, g) = module.Parameters();
            weights.AddRange(w);
            gradients.AddRange(g);
        }
        return ([.. weights], [.. gradients]);
    }

    /// <inheritdoc/>
    public override Module<T> Training()
    {
        foreach (var module in _modules) module.Training();
        return base.Training();
    }

    /// <inheritdoc/>
    public override Module<T> Evaluate()
    {
        foreach (var module in _modules) module.Evaluate();
        return base.Evaluate();
    }

    /// <inheritdoc/>
    public override void Reset()
    {
        foreach (var module in _modules) module.Reset();
    }

    /// <inheritdoc/>
    public override Module<T> SetScaleW(double scale)
    {
        foreach (var module in _modules) module.SetScaleW(scale);
        return base.SetScaleW(scale);
    }

    /// <inheritdoc/>
    public override Module<T> SetScaleB(double scale)
    {
        foreach (var module in _modules) module.SetScaleB(scale);
        return base.SetScaleB(scale);
    }

    internal override string OneLine => PrintName;

    /// <summary>Runs child <paramref name="index"/> forward; its errors name this container and the index.</summary>
    protected IActivity ForwardChild(int index, IActivity input)
    {
        try
        {
            return _modules[index].Forward(input);
        }
        catch (LayerException e)
        {
            throw e.Within($"{Label}[{index}]");
        }
    }

    /// <summary>Runs child <paramref name="index"/> backward; its errors name this container and the index.</summary>
    protected IActivity BackwardChild(int index, IActivity input, IActivity gradOutput)
    {
        try
        {
            return _modules[index].Backward(input, gradOutput);
        }
        catch (LayerException e)
        {
            throw e.Within($"{Label}[{index}]");
        }
    }

    /// <summary>Runs child <paramref name="index"/>'s <see cref="Module{T}.BackwardForParameters"/>; its errors name this container.</summary>
    private protected void BackwardChildForParameters(int index, IActivity input, IActivity gradOutput)
    {
        try
        {
            _modules[index].BackwardForParameters(input, gradOutput);
        }
        catch (LayerException e)
        {
            throw e.Within($"{Label}[{index}]");
        }
    }

    /// <summary>Prints the children as <c>(i): child</c> lines under <paramref name="header"/>, Torch style.</summary>
    protected string Describe(string header, string? flow = null)
    {
        var text = new StringBuilder(PrintName).Append(' ').Append(header).Append('\n');
        if (flow is not null) text.Append("  ").Append(flow).Append('\n');
        for (int i = 0; i < _modules.Count; i++)
            text.Append("  (").Append(i).Append("): ").Append(_modules[i].ToString().Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
        return text.Append('}').ToString();
    }
}
