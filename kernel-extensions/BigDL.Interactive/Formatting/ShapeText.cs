using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>Shapes as the formatters write them: <c>[2×3]</c> for a tensor, <c>{[2×3], [4]}</c> for a table.</summary>
internal static class ShapeText
{
    private static readonly GenericDispatch<Func<object, int[]>> TensorSizes = new(typeof(Tensor<>), typeof(ShapeText), nameof(SizesOf));

    /// <summary><paramref name="sizes"/> in brackets, joined by <c>×</c>; <c>[]</c> for no dimensions.</summary>
    public static string Of(ReadOnlySpan<int> sizes) => "[" + string.Join("×", sizes.ToArray()) + "]";

    /// <summary>The shape of a tensor or table of any element type; <c>—</c> for null.</summary>
    public static string Of(IActivity? activity) => activity switch
    {
        null => "—",
        Table table => "{" + string.Join(", ", table.Select(Of)) + "}",
        _ when TensorSizes.Accepts(activity) => Of(TensorSizes.For(activity)(activity)),
        _ => activity.GetType().Name,
    };

    /// <summary>How a tensor's element type is named in headers: <c>float</c>, <c>double</c>, else the .NET name.</summary>
    public static string ElementName<T>() =>
        typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;

    private static int[] SizesOf<T>(object tensor) where T : unmanaged, IFloatingPointIeee754<T> => ((Tensor<T>)tensor).Size();
}
