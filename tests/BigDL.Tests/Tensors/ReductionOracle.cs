using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

/// <summary>
/// Independent oracles for reduction tests: naive element-by-element loops in double over multi-indices
/// (no kernel, no span, no stride arithmetic of the library), plus tensor layouts to run them on.
/// </summary>
internal static class ReductionOracle
{
    /// <summary>Every multi-index of <paramref name="sizes"/> in row-major order.</summary>
    public static IEnumerable<int[]> Indices(int[] sizes)
    {
        if (sizes.Any(s => s == 0)) yield break;
        var index = new int[sizes.Length];
        while (true)
        {
            yield return (int[])index.Clone();
            int d = sizes.Length - 1;
            while (d >= 0 && ++index[d] == sizes[d]) index[d--] = 0;
            if (d < 0) yield break;
        }
    }

    /// <summary>All elements in row-major order, as doubles.</summary>
    public static double[] Elements<T>(Tensor<T> t) where T : unmanaged, IFloatingPointIeee754<T>
        => t.Dim() == 0 ? (t.IsEmpty ? [] : [double.CreateTruncating(t.Value())])
                        : Indices(t.Size()).Select(i => double.CreateTruncating(t[i])).ToArray();

    /// <summary>The slice through <paramref name="at"/> along <paramref name="dim"/> (at[dim] is ignored), as doubles.</summary>
    public static double[] Slice<T>(Tensor<T> t, int dim, int[] at) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[t.Size(dim)];
        var index = (int[])at.Clone();
        for (int k = 0; k < values.Length; k++)
        {
            index[dim] = k;
            values[k] = double.CreateTruncating(t[index]);
        }
        return values;
    }

    /// <summary>The sizes with <paramref name="dim"/> set to <paramref name="size"/>.</summary>
    public static int[] With(int[] sizes, int dim, int size)
    {
        var r = (int[])sizes.Clone();
        r[dim] = size;
        return r;
    }

    public static double Sum(double[] x)
    {
        double s = 0;
        foreach (double v in x) s += v;
        return s;
    }

    public static double Prod(double[] x)
    {
        double p = 1;
        foreach (double v in x) p *= v;
        return p;
    }

    public static double Norm(double[] x, double p)
    {
        if (double.IsPositiveInfinity(p))
        {
            double m = 0;
            foreach (double v in x) m = Math.Max(m, Math.Abs(v));
            return m;
        }
        double s = 0;
        foreach (double v in x) s += Math.Pow(Math.Abs(v), p);
        return Math.Pow(s, 1 / p);
    }

    public static double Var(double[] x, bool unbiased)
    {
        double mean = Sum(x) / x.Length, s = 0;
        foreach (double v in x) s += (v - mean) * (v - mean);
        return s / (unbiased ? x.Length - 1 : x.Length);
    }

    /// <summary>Torch's arg-max/arg-min: first occurrence, a NaN wins (the first one).</summary>
    public static int ArgExtreme(double[] x, bool max)
    {
        int best = 0;
        for (int k = 0; k < x.Length; k++)
        {
            if (double.IsNaN(x[k])) return k;
            if (max ? x[k] > x[best] : x[k] < x[best]) best = k;
        }
        return best;
    }

    /// <summary>
    /// The same random values of size <paramref name="sizes"/> in four layouts: contiguous, transposed (every
    /// dimension reversed in memory, or stride 2 for 1-D), narrowed out of a larger tensor, and expanded from
    /// a size-1 dimension (stride 0, so the expanded dimension repeats values).
    /// </summary>
    public static IEnumerable<(string Layout, Tensor<T> Tensor)> Layouts<T>(int[] sizes, int seed, double low = -2, double high = 2)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = new RandomGenerator((ulong)seed);
        var contiguous = new Tensor<T>(sizes).RandUniform(g, low, high);
        yield return ("contiguous", contiguous);

        int n = sizes.Length;
        if (n == 1)
        {
            var wide = new Tensor<T>(sizes[0], 2).RandUniform(g, low, high);
            yield return ("strided", wide.Select(1, 0));
        }
        else
        {
            var reversed = new Tensor<T>(sizes.Reverse().ToArray()).RandUniform(g, low, high);
            var t = reversed;
            for (int i = 0; i < n / 2; i++) t = t.Transpose(i, n - 1 - i);
            yield return ("transposed", t);
        }

        var big = new Tensor<T>(sizes.Select(s => s + 3).ToArray()).RandUniform(g, low, high);
        var narrowed = big;
        for (int d = 0; d < n; d++) narrowed = narrowed.Narrow(d, 1, sizes[d]);
        yield return ("narrowed", narrowed);

        int e = n == 1 ? 0 : n / 2;
        var source = new Tensor<T>(With(sizes, e, 1)).RandUniform(g, low, high);
        yield return ("expanded", source.Expand(sizes));
    }
    /// <summary>Relative tolerance of a value computed in double and rounded once to <typeparamref name="T"/>.</summary>
    public static double Tolerance<T>() => typeof(T) == typeof(float) ? 2e-6 : 1e-12;

    /// <summary>Asserts <paramref name="actual"/> is within the tolerance of <paramref name="expected"/> (NaN matches NaN).</summary>
    public static void Close<T>(double expected, T actual, string what) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double a = double.CreateTruncating(actual);
        expected = double.CreateTruncating(T.CreateTruncating(expected));  // the exact result rounded once, as the library does
        if (double.IsNaN(expected) || double.IsInfinity(expected))
        {
            Assert.True(expected.Equals(a), $"{what}: expected {expected}, got {a}");
            return;
        }
        double tolerance = Tolerance<T>() * Math.Max(1, Math.Abs(expected));
        Assert.True(Math.Abs(a - expected) <= tolerance, $"{what}: expected {expected}, got {a} (tolerance {tolerance})");
    }

    /// <summary>Asserts a reduced tensor has <paramref name="sizes"/> and, at each index, the value <paramref name="expected"/> gives.</summary>
    public static void Close<T>(int[] sizes, Func<int[], double> expected, Tensor<T> actual, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(sizes, actual.Size());
        foreach (var i in Indices(sizes)) Close(expected(i), actual[i], $"{what} at [{string.Join(", ", i)}]");
    }
}
