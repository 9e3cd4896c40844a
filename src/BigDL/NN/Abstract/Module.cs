using System.Numerics;
using System.Text;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// A building block of a neural network: computes an output activity from an input activity (forward) and
/// the gradient of a loss with respect to its input and parameters (backward).
/// </summary>
/// <remarks>
/// BigDL's <c>AbstractModule</c> seen without its activity types, which is how containers hold their children.
/// Layers derive from <see cref="AbstractModule{TIn, TOut, T}"/> (most from <see cref="TensorModule{T}"/>),
/// never from this class directly. Parameter gradients accumulate across <c>Backward</c> calls until
/// <see cref="ZeroGradParameters"/>.
/// </remarks>
/// <typeparam name="T">Element type: float or double.</typeparam>
public abstract class Module<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static long _nameCounter;
    private string? _name;
    private bool _named;

    private protected Module()
    {
    }

    /// <summary>True in training mode (the default), false after <see cref="Evaluate"/>.</summary>
    public bool IsTraining { get; private set; } = true;

    /// <summary>Factor applied to weight gradients as they accumulate (BigDL's <c>scaleW</c>; default 1).</summary>
    public double ScaleW { get; private set; } = 1;

    /// <summary>Factor applied to bias gradients as they accumulate (BigDL's <c>scaleB</c>; default 1).</summary>
    public double ScaleB { get; private set; } = 1;

    /// <summary>Weight initialisation chosen with <see cref="SetInitMethod"/>, or null for the layer's default.</summary>
    public InitializationMethod? WeightInitMethod { get; private set; }

    /// <summary>Bias initialisation chosen with <see cref="SetInitMethod"/>, or null for the layer's default.</summary>
    public InitializationMethod? BiasInitMethod { get; private set; }

    /// <summary>Computes the output for <paramref name="input"/> and keeps it as this module's output.</summary>
    /// <exception cref="LayerException">The input does not fit this module (wrong kind, number of dims or sizes).</exception>
    public abstract IActivity Forward(IActivity input);

    /// <summary>
    /// Computes the gradient with respect to the input and accumulates the parameter gradients, given the input
    /// of the last <see cref="Forward(IActivity)"/> and the gradient with respect to its output.
    /// </summary>
    /// <exception cref="LayerException">The arguments do not fit this module.</exception>
    public abstract IActivity Backward(IActivity input, IActivity gradOutput);

    /// <summary>
    /// Backward for a caller that discards the input gradient (a training loop, at the model's input): accumulates the
    /// parameter gradients as <see cref="Backward"/> does, and may skip gradients nobody reads — those of leading
    /// layers without parameters, and the input gradient of a first layer that computes its weight gradient from its
    /// input alone (Linear, SpatialConvolution). BigDL has no such call; its users set <c>propagateBack = false</c>.
    /// </summary>
    internal virtual void BackwardForParameters(IActivity input, IActivity gradOutput) => Backward(input, gradOutput);

    /// <summary>The learnable tensors and their gradients, in matching order; empty arrays for a module without any.</summary>
    public virtual (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([], []);

    /// <summary>
    /// All parameters as one flat weight tensor and one flat gradient tensor. Afterwards every parameter of this
    /// module is a view into them, so updating the flat tensors updates the module (what optimizers and the
    /// all-reduce work on). Calling it again returns views of the same storage.
    /// </summary>
    public (Tensor<T> Weights, Tensor<T> Gradients) GetParameters()
    {
        var (weights, gradients) = Parameters();
        return (ParameterFlattening.Flatten(weights), ParameterFlattening.Flatten(gradients));
    }

    /// <summary>Number of learnable values (each shared tensor counted once).</summary>
    public long ParameterCount() => ParameterFlattening.Distinct(Parameters().Weights).Sum(w => (long)w.NElement());

    /// <summary>Sets every parameter gradient to zero.</summary>
    public virtual void ZeroGradParameters()
    {
        foreach (var gradient in ParameterFlattening.Distinct(Parameters().Gradients)) gradient.Zero();
    }

    /// <summary>Switches to training mode (dropout active, batch statistics in batch normalisation).</summary>
    public virtual Module<T> Training()
    {
        IsTraining = true;
        return this;
    }

    /// <summary>Switches to evaluation mode (dropout off, running statistics in batch normalisation).</summary>
    public virtual Module<T> Evaluate()
    {
        IsTraining = false;
        return this;
    }

    /// <summary>Re-initialises the parameters (with the methods set by <see cref="SetInitMethod"/>, else the layer's defaults).</summary>
    public virtual void Reset()
    {
    }

    /// <summary>Chooses how <see cref="Reset"/> initialises weights and biases, then re-initialises.</summary>
    /// <param name="weightInit">Weight initialisation; null keeps the current choice.</param>
    /// <param name="biasInit">Bias initialisation; null keeps the current choice.</param>
    /// <exception cref="NotSupportedException">This module has no parameters of its own.</exception>
    public Module<T> SetInitMethod(InitializationMethod? weightInit = null, InitializationMethod? biasInit = null)
    {
        if (this is IContainer<T> || Parameters().Weights.Length == 0)
            throw new NotSupportedException($"{Label}: has no parameters of its own to initialise; set the init method on its layers");
        WeightInitMethod = weightInit ?? WeightInitMethod;
        BiasInitMethod = biasInit ?? BiasInitMethod;
        Reset();
        return this;
    }

    /// <summary>Sets the weight-gradient scale (<see cref="ScaleW"/>); containers pass it to their children.</summary>
    public virtual Module<T> SetScaleW(double scale)
    {
        ScaleW = scale;
        return this;
    }

    /// <summary>Sets the bias-gradient scale (<see cref="ScaleB"/>); containers pass it to their children.</summary>
    public virtual Module<T> SetScaleB(double scale)
    {
        ScaleB = scale;
        return this;
    }

    /// <summary>Names this module (shown in messages and printouts, used to find it in a graph).</summary>
    public Module<T> SetName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _name = name;
        _named = true;
        return this;
    }

    /// <summary>The name given by <see cref="SetName"/>, else a generated one such as <c>Linear7</c>.</summary>
    public string GetName() => _name ??= TypeName + Interlocked.Increment(ref _nameCounter);

    /// <summary>A deep copy: same architecture, parameters, buffers and mode, sharing nothing with this module.</summary>
    public Module<T> CloneModule() => ModuleCloner.Clone(this);

    /// <summary>One line per layer with its parameter count, and the total.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        long total = 0;
        void Walk(Module<T> module, string path)
        {
            if (module is IContainer<T> container)
            {
                for (int i = 0; i < container.Modules.Count; i++) Walk(container.Modules[i], path + "(" + i + ")");
                return;
            }
            long count = module.ParameterCount();
            total += count;
            text.Append((path.Length == 0 ? "." : path).PadRight(14)).Append(module.OneLine.PadRight(48)).Append(count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        }
        Walk(this, "");
        text.Append("Total parameters: ").Append(ParameterCount().ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        return text.ToString();
    }

    /// <summary>The architecture as BigDL and Torch print it, e.g. <c>nn.Linear(784 -> 10)</c>.</summary>
    public override string ToString() => PrintName;

    /// <summary>BigDL's print name: <c>nn.</c> and the class name, e.g. <c>nn.SpatialConvolution</c>.</summary>
    protected string PrintName => "nn." + TypeName;

    /// <summary>A one-line description: <see cref="ToString"/> for layers, the print name for containers.</summary>
    internal virtual string OneLine => ToString();

    /// <summary>The name given by <see cref="SetName"/>, or null when the module has only a generated one.</summary>
    internal string? GivenName => _named ? _name : null;

    /// <summary>How messages name this module: its one-line description, and its name when one was set.</summary>
    internal string Label => _named ? $"{OneLine} '{_name}'" : OneLine;

    private string TypeName => GetType().Name.Split('`')[0];
}
