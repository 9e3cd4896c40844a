using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>A module whose input and output are both tensors (most layers).</summary>
/// <remarks>BigDL's <c>TensorModule</c>.</remarks>
/// <typeparam name="T">Element type: float or double.</typeparam>
public abstract class TensorModule<T> : AbstractModule<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the module with empty output and gradient buffers.</summary>
    protected TensorModule() : base(new Tensor<T>(), new Tensor<T>())
    {
    }
}
