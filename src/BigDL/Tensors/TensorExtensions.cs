using System.Numerics;

namespace BigDL.Tensors;

/// <summary>Members of <see cref="Tensor{T}"/> that C# cannot declare inside the class.</summary>
public static class TensorExtensions
{
    /// <summary>The transpose of a matrix, as a view (Torch's <c>t()</c>).</summary>
    /// <remarks>An extension because a member of <c>Tensor&lt;T&gt;</c> cannot be named like its type parameter.</remarks>
    /// <exception cref="InvalidOperationException">The tensor is not 2-D.</exception>
    public static Tensor<TElement> T<TElement>(this Tensor<TElement> matrix) where TElement : unmanaged, IFloatingPointIeee754<TElement>
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Dim() != 2)
            throw new InvalidOperationException($"T() expects a 2-D tensor, got {matrix.Dim()} dims {Shape.Format(matrix.Sizes)}; use Transpose(dim1, dim2)");
        return matrix.Transpose(0, 1);
    }
}
