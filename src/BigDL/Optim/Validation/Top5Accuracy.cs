using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>The fraction of records whose target is among the five highest-scoring classes.</summary>
/// <remarks>BigDL's <c>Top5Accuracy</c>; targets are 0-based class indices.</remarks>
public sealed class Top5Accuracy<T> : ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ValidationResult Apply(Tensor<T> output, Tensor<T> target) => TopKAccuracy.Count(output, target, 5, Name);
}
