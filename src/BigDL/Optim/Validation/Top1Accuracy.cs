using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>The fraction of records whose highest-scoring class is the target (ties go to the lower class index).</summary>
/// <remarks>BigDL's <c>Top1Accuracy</c>; targets are 0-based class indices. A single output column is read as the probability of class 1.</remarks>
public sealed class Top1Accuracy<T> : ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ValidationResult Apply(Tensor<T> output, Tensor<T> target) => TopKAccuracy.Count(output, target, 1, Name);
}
