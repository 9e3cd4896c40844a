using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// A module with typed input and output activities. Subclasses implement <see cref="UpdateOutput"/>,
/// <see cref="UpdateGradInput"/> and, when they have parameters, <see cref="AccGradParameters"/>;
/// <see cref="Forward(TIn)"/> and <see cref="Backward(TIn, TOut)"/> are fixed here.
/// </summary>
/// <remarks>
/// BigDL's <c>AbstractModule[A, B, T]</c>. <see cref="Output"/> and <see cref="GradInput"/> are buffers the
/// module owns and reuses across calls: copy them if you need them after the next call.
/// </remarks>
/// <typeparam name="TIn">Input activity: <see cref="Tensor{T}"/>, <see cref="Table"/> or <see cref="IActivity"/>.</typeparam>
/// <typeparam name="TOut">Output activity: <see cref="Tensor{T}"/>, <see cref="Table"/> or <see cref="IActivity"/>.</typeparam>
/// <typeparam name="T">Element type: float or double.</typeparam>
public abstract class AbstractModule<TIn, TOut, T> : Module<T>
    where TIn : class, IActivity
    where TOut : class, IActivity
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the module with its initial (usually empty) output and gradient buffers.</summary>
    protected AbstractModule(TOut output, TIn gradInput)
    {
        Output = output;
        GradInput = gradInput;
    }

    /// <summary>The output of the last forward pass.</summary>
    public TOut Output { get; protected set; }

    /// <summary>The gradient with respect to the input from the last backward pass.</summary>
    public TIn GradInput { get; protected set; }

    /// <summary>Computes the output for <paramref name="input"/>; it is also kept in <see cref="Output"/>.</summary>
    /// <exception cref="LayerException">The input does not fit this module; the message names the module, the expected and the actual shape.</exception>
    public TOut Forward(TIn input)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            Output = UpdateOutput(input);
            return Output;
        }
        catch (ArgumentException e) when (e is not LayerException)
        {
            throw new LayerException(Label, e);
        }
    }

    /// <summary>
    /// Computes the gradient with respect to the input (kept in <see cref="GradInput"/>) and adds the parameter
    /// gradients, scaled by <see cref="Module{T}.ScaleW"/> and <see cref="Module{T}.ScaleB"/>, to the gradient tensors.
    /// </summary>
    /// <param name="input">The input of the last forward pass.</param>
    /// <param name="gradOutput">Gradient of the loss with respect to <see cref="Output"/>.</param>
    /// <exception cref="LayerException">The arguments do not fit this module.</exception>
    public TIn Backward(TIn input, TOut gradOutput)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(gradOutput);
        try
        {
            GradInput = UpdateGradInput(input, gradOutput);
            AccGradParameters(input, gradOutput);
            return GradInput;
        }
        catch (ArgumentException e) when (e is not LayerException)
        {
            throw new LayerException(Label, e);
        }
    }

    /// <summary>
    /// Whether <see cref="AccGradParameters"/> needs nothing <see cref="UpdateGradInput"/> computes, so a caller that
    /// discards the input gradient may skip it (see <see cref="Module{T}.BackwardForParameters"/>).
    /// </summary>
    private protected virtual bool ParametersNeedNoInputGradient => false;

    internal override void BackwardForParameters(IActivity input, IActivity gradOutput)
    {
        if (!ParametersNeedNoInputGradient)
        {
            Backward(input, gradOutput);
            return;
        }
        var x = As<TIn>(input, nameof(input));
        var g = As<TOut>(gradOutput, nameof(gradOutput));
        try
        {
            if (g is Tensor<T> gradient && Output is Tensor<T> output) Require.SameShape(gradient, output);
            AccGradParameters(x, g);
        }
        catch (ArgumentException e) when (e is not LayerException)
        {
            throw new LayerException(Label, e);
        }
    }

    /// <inheritdoc/>
    public sealed override IActivity Forward(IActivity input) => Forward(As<TIn>(input, nameof(input)));

    /// <inheritdoc/>
    public sealed override IActivity Backward(IActivity input, IActivity gradOutput) =>
        Backward(As<TIn>(input, nameof(input)), As<TOut>(gradOutput, nameof(gradOutput)));

    /// <summary>Computes and returns the output (usually into the reused <see cref="Output"/> buffer).</summary>
    protected abstract TOut UpdateOutput(TIn input);

    /// <summary>Computes and returns the gradient with respect to the input (usually into <see cref="GradInput"/>).</summary>
    protected abstract TIn UpdateGradInput(TIn input, TOut gradOutput);

    /// <summary>Adds this call's parameter gradients to the gradient tensors; nothing for modules without parameters.</summary>
    protected virtual void AccGradParameters(TIn input, TOut gradOutput)
    {
    }

    /// <summary><see cref="Module{T}.ScaleW"/> as <typeparamref name="T"/>.</summary>
    protected T WeightScale => T.CreateTruncating(ScaleW);

    /// <summary><see cref="Module{T}.ScaleB"/> as <typeparamref name="T"/>.</summary>
    protected T BiasScale => T.CreateTruncating(ScaleB);

    private TActivity As<TActivity>(IActivity activity, string argument) where TActivity : class, IActivity
    {
        ArgumentNullException.ThrowIfNull(activity, argument);
        return activity as TActivity
            ?? throw new LayerException(Label, new ArgumentException(
                $"expected {argument} to be {Activity.Describe(typeof(TActivity))}, got {Activity.Describe(activity)}", argument));
    }
}
