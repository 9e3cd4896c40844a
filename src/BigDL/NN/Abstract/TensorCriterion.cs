using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>A criterion whose input and target are tensors (most losses).</summary>
/// <remarks>BigDL's <c>TensorCriterion</c>.</remarks>
public abstract class TensorCriterion<T> : AbstractCriterion<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the criterion with an empty gradient buffer.</summary>
    protected TensorCriterion() : base(new Tensor<T>())
    {
    }
}
