using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// A loss: compares a module's output with a target and gives the loss and its gradient with respect to the output.
/// </summary>
/// <remarks>
/// BigDL's <c>AbstractCriterion</c> seen without its activity types. Criterions derive from
/// <see cref="AbstractCriterion{TIn, TTarget, T}"/> (most from <see cref="TensorCriterion{T}"/>).
/// </remarks>
/// <typeparam name="T">Element type: float or double.</typeparam>
public abstract class Criterion<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected Criterion()
    {
    }

    /// <summary>The loss of the last <see cref="Forward(IActivity, IActivity)"/>.</summary>
    public T Output { get; protected set; }

    /// <summary>Computes the loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    /// <exception cref="LayerException">Input or target does not fit this criterion.</exception>
    public abstract T Forward(IActivity input, IActivity target);

    /// <summary>Computes the gradient of the loss with respect to <paramref name="input"/>.</summary>
    /// <exception cref="LayerException">Input or target does not fit this criterion.</exception>
    public abstract IActivity Backward(IActivity input, IActivity target);

    /// <summary>
    /// Whether the loss is a mean over the batch (BigDL's <c>sizeAverage</c>, true for most criterions), so that the
    /// losses and gradients of parts of a batch combine weighted by their sizes; false when it is a sum.
    /// </summary>
    public virtual bool AveragesOverBatch => true;

    /// <summary>A deep copy sharing nothing with this criterion.</summary>
    public Criterion<T> CloneCriterion() => ModuleCloner.Clone(this);

    /// <summary>BigDL's print name, e.g. <c>nn.ClassNLLCriterion</c>.</summary>
    public override string ToString() => "nn." + GetType().Name.Split('`')[0];
}
