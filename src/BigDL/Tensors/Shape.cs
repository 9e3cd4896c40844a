namespace BigDL.Tensors;

/// <summary>Shape arithmetic and formatting shared by tensors, layers and error messages.</summary>
public static class Shape
{
    /// <summary>Formats sizes as <c>[2, 3, 4]</c>, the form every error message uses.</summary>
    public static string Format(ReadOnlySpan<int> sizes) => "[" + string.Join(", ", sizes.ToArray()) + "]";

    /// <summary>Formats sizes as BigDL prints them after a tensor: <c>2x3x4</c>.</summary>
    public static string FormatBy(ReadOnlySpan<int> sizes) => sizes.Length == 0 ? "[]" : string.Join("x", sizes.ToArray());

    /// <summary>Product of the sizes; 1 for no sizes. Throws on a negative size or on overflow.</summary>
    public static int ElementCount(ReadOnlySpan<int> sizes, string paramName = "sizes")
    {
        long n = 1;
        foreach (int s in sizes)
        {
            if (s < 0) throw new ArgumentException($"sizes must be non-negative, got {Format(sizes)}", paramName);
            n *= s;
            if (n > Array.MaxLength) throw new ArgumentException($"a tensor of size {Format(sizes)} has more than {Array.MaxLength} elements", paramName);
        }
        return (int)n;
    }

    /// <summary>Row-major (C order) strides for <paramref name="sizes"/>.</summary>
    public static int[] ContiguousStrides(ReadOnlySpan<int> sizes)
    {
        var strides = new int[sizes.Length];
        int s = 1;
        for (int d = sizes.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= Math.Max(sizes[d], 1);
        }
        return strides;
    }

    /// <summary>
    /// The broadcast shape of two shapes, aligned at their last dimension as Torch/NumPy do.
    /// </summary>
    /// <exception cref="ArgumentException">A dimension differs and neither side is 1.</exception>
    public static int[] Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string paramName = "other")
    {
        int n = Math.Max(a.Length, b.Length);
        var result = new int[n];
        for (int i = 0; i < n; i++)
        {
            int da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            int db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
                throw new ArgumentException($"shapes {Format(a)} and {Format(b)} cannot be broadcast: dimension {i} is {da} vs {db}", paramName);
            result[i] = da == 1 ? db : da;
        }
        return result;
    }
}
