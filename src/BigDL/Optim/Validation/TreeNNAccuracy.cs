using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>Top-1 accuracy of a tree network's root: output [N, nodes, C], target [N, nodes]; node 0 is the root.</summary>
/// <remarks>BigDL's <c>TreeNNAccuracy</c> (which read node 1 of its 1-based layout).</remarks>
public sealed class TreeNNAccuracy<T> : ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override ValidationResult Apply(Tensor<T> output, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        if (output.Dim() != 3 || target.Dim() != 2 || target.Size(0) != output.Size(0))
            throw new ArgumentException(
                $"TreeNNAccuracy: expected output [N, nodes, C] and target [N, nodes], got [{string.Join(", ", output.Size())}] and [{string.Join(", ", target.Size())}]",
                nameof(target));
        return TopKAccuracy.Count(output.Select(1, 0), target.Select(1, 0), 1, Name);
    }
}
