using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// An optimisation method: given a function that returns the loss and its gradient at a point, moves the
/// (flat, contiguous) parameter tensor in place towards a minimum.
/// </summary>
/// <remarks>
/// BigDL's <c>OptimMethod</c> (Torch's <c>optim</c> package). Hyper-parameters are get-only properties named after
/// the constructor arguments; everything that changes while the method runs lives in <see cref="State"/>, so the
/// constructor arguments plus a copy of the state reproduce a method exactly.
/// </remarks>
public abstract class OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a method with a fresh state (epoch 1, iteration 1, no buffers).</summary>
    protected OptimMethod() => State = new OptimState<T>();

    /// <summary>The method's state: counters, buffers and schedule values (BigDL <c>state</c>).</summary>
    public OptimState<T> State { get; protected set; }

    /// <summary>The effective learning rate of the current iteration (positive; BigDL <c>getLearningRate</c> without its sign).</summary>
    public abstract double CurrentLearningRate { get; }

    /// <summary>
    /// Evaluates <paramref name="feval"/> at <paramref name="parameter"/> and updates the parameter in place
    /// (BigDL <c>optimize(feval, x)</c>); then increments <see cref="OptimState{T}.Iteration"/>.
    /// </summary>
    /// <param name="feval">Returns the loss and the gradient (as many elements as the parameter, contiguous) at a point.</param>
    /// <param name="parameter">The flat, contiguous parameter tensor; updated in place.</param>
    /// <returns>The parameter and the losses evaluated (one, taken before the update; L-BFGS returns one per evaluation).</returns>
    /// <exception cref="ArgumentException">The parameter is empty or not contiguous, or the gradient does not match it.</exception>
    public abstract (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter);

    /// <summary>
    /// Lets a learning-rate schedule act (BigDL <c>updateHyperParameter</c>). The training loop calls it before each
    /// iteration; calling it more than once in the same iteration changes nothing.
    /// </summary>
    public virtual void UpdateHyperParameter()
    {
    }

    /// <summary>Drops the history buffers (BigDL <c>clearHistory</c>), keeping the counters; they are rebuilt on the next call.</summary>
    public virtual void ClearHistory() => State.Tensors.Clear();

    /// <summary>A deep copy: same hyper-parameters, a copy of the state; it shares no tensor with this method (BigDL <c>clone</c>).</summary>
    public OptimMethod<T> CloneMethod()
    {
        var copy = CreateCopy();
        copy.State = State.Clone();
        return copy;
    }

    /// <summary>A new method with the same hyper-parameters (tensor-valued ones copied) and a fresh state.</summary>
    protected abstract OptimMethod<T> CreateCopy();

    /// <summary>
    /// Runs <paramref name="feval"/> at <paramref name="parameter"/> after checking both, and checks the gradient it
    /// returns: as many elements as the parameter, contiguous.
    /// </summary>
    protected static (double Loss, Tensor<T> Gradient) Evaluate(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        CheckParameter(feval, parameter);
        var (loss, gradient) = feval(parameter);
        CheckGradient(gradient, parameter);
        return (loss, gradient);
    }

    /// <summary>Throws unless <paramref name="feval"/> is given and <paramref name="parameter"/> is a non-empty contiguous tensor.</summary>
    protected static void CheckParameter(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        ArgumentNullException.ThrowIfNull(feval);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.IsEmpty)
            throw new ArgumentException($"expected a parameter with at least one element, got size {Shape.Format(parameter.Size())}", nameof(parameter));
        if (!parameter.IsContiguous())
            throw new ArgumentException($"expected a contiguous parameter (a flat view of the model's weights), got size {Shape.Format(parameter.Size())} with strides {Shape.Format(parameter.Stride())}", nameof(parameter));
    }

    /// <summary>Throws unless <paramref name="gradient"/> (returned by feval) is contiguous with as many elements as <paramref name="parameter"/>.</summary>
    protected static void CheckGradient(Tensor<T>? gradient, Tensor<T> parameter)
    {
        if (gradient is null) throw new ArgumentException("expected feval to return a gradient, got null", "feval");
        if (gradient.NElement() != parameter.NElement())
            throw new ArgumentException($"expected feval's gradient to have {parameter.NElement()} elements like the parameter {Shape.Format(parameter.Size())}, got {gradient.NElement()} elements {Shape.Format(gradient.Size())}", "feval");
        if (!gradient.IsContiguous())
            throw new ArgumentException($"expected feval's gradient to be contiguous, got size {Shape.Format(gradient.Size())} with strides {Shape.Format(gradient.Stride())}", "feval");
    }

    /// <summary>
    /// The state buffer <paramref name="name"/> as a span of the parameter's length, created (shaped like the
    /// parameter, filled with <paramref name="initial"/>) on first use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The buffer exists with another length: the parameter changed without <see cref="ClearHistory"/>.</exception>
    protected Span<T> Buffer(string name, Tensor<T> parameter, T initial = default)
    {
        if (State.Tensors.TryGetValue(name, out var buffer))
        {
            if (buffer.NElement() != parameter.NElement())
                throw new InvalidOperationException($"{GetType().Name}: state buffer \"{name}\" has {buffer.NElement()} elements but the parameter has {parameter.NElement()}; call ClearHistory() when the parameter changes");
            return buffer.AsSpan();
        }
        buffer = new Tensor<T>(parameter.Size());
        if (initial != T.Zero) buffer.Fill(initial);
        State.Tensors[name] = buffer;
        return buffer.AsSpan();
    }

    /// <summary>Whether the state holds the buffer <paramref name="name"/>.</summary>
    protected bool HasBuffer(string name) => State.Tensors.ContainsKey(name);

    /// <summary>Ends an optimize call: records the last loss, increments the iteration and returns <paramref name="losses"/>.</summary>
    protected double[] Finish(params double[] losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        State.Loss = losses[^1];
        State.Iteration++;
        return losses;
    }

    /// <summary><paramref name="value"/> as an element.</summary>
    protected static T Element(double value) => T.CreateTruncating(value);
}
