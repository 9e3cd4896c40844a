using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// A criterion with typed input and target. Subclasses implement <see cref="UpdateOutput"/> and
/// <see cref="UpdateGradInput"/>; <see cref="Forward(TIn, TTarget)"/> and <see cref="Backward(TIn, TTarget)"/> are fixed here.
/// </summary>
/// <remarks>BigDL's <c>AbstractCriterion[A, B, T]</c>. <see cref="GradInput"/> is a reused buffer.</remarks>
public abstract class AbstractCriterion<TIn, TTarget, T> : Criterion<T>
    where TIn : class, IActivity
    where TTarget : class, IActivity
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the criterion with its initial (usually empty) gradient buffer.</summary>
    protected AbstractCriterion(TIn gradInput) => GradInput = gradInput;

    /// <summary>The gradient with respect to the input from the last backward pass.</summary>
    public TIn GradInput { get; protected set; }

    /// <summary>Computes the loss of <paramref name="input"/> against <paramref name="target"/>; also kept in <see cref="Criterion{T}.Output"/>.</summary>
    /// <exception cref="LayerException">Input or target does not fit; the message names the criterion and the shapes.</exception>
    public T Forward(TIn input, TTarget target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            Output = UpdateOutput(input, target);
            return Output;
        }
        catch (ArgumentException e) when (e is not LayerException)
        {
            throw new LayerException(ToString(), e);
        }
    }

    /// <summary>Computes the gradient of the loss with respect to <paramref name="input"/>; also kept in <see cref="GradInput"/>.</summary>
    /// <exception cref="LayerException">Input or target does not fit.</exception>
    public TIn Backward(TIn input, TTarget target)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(target);
        try
        {
            GradInput = UpdateGradInput(input, target);
            return GradInput;
        }
        catch (ArgumentException e) when (e is not LayerException)
        {
            throw new LayerException(ToString(), e);
        }
    }

    /// <inheritdoc/>
    public sealed override T Forward(IActivity input, IActivity target) => Forward(As<TIn>(input, nameof(input)), As<TTarget>(target, nameof(target)));

    /// <inheritdoc/>
    public sealed override IActivity Backward(IActivity input, IActivity target) => Backward(As<TIn>(input, nameof(input)), As<TTarget>(target, nameof(target)));

    /// <summary>Computes the loss.</summary>
    protected abstract T UpdateOutput(TIn input, TTarget target);

    /// <summary>Computes the gradient with respect to the input (usually into <see cref="GradInput"/>).</summary>
    protected abstract TIn UpdateGradInput(TIn input, TTarget target);

    private TActivity As<TActivity>(IActivity activity, string argument) where TActivity : class, IActivity
    {
        ArgumentNullException.ThrowIfNull(activity, argument);
        return activity as TActivity
            ?? throw new LayerException(ToString(), new ArgumentException(
                $"expected {argument} to be {Activity.Describe(typeof(TActivity))}, got {Activity.Describe(activity)}", argument));
    }
}
