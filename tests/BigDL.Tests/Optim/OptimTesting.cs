using System.Numerics;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>
/// The tiny problem the method tests share, f(x) = Σ aᵢxᵢ² with a = (0.5, 1, 2) from x₀ = (1, −2, 0.5) (so the first
/// gradient 2aᵢxᵢ is (1, −4, 2)), and comparisons of a tensor with values computed in double.
/// </summary>
internal static class OptimTesting
{
    public static readonly double[] A = [0.5, 1.0, 2.0];
    public static readonly double[] X0 = [1.0, -2.0, 0.5];

    /// <summary>∇f at <paramref name="x"/>, in double.</summary>
    public static double[] Gradient(double[] x) => [.. x.Select((xi, i) => 2 * A[i] * xi)];

    /// <summary>f at <paramref name="x"/>, in double.</summary>
    public static double Loss(double[] x) => x.Select((xi, i) => A[i] * xi * xi).Sum();

    /// <summary>x₀ as a tensor.</summary>
    public static Tensor<T> Start<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => new([.. X0.Select(T.CreateTruncating)], X0.Length);

    /// <summary>
    /// feval of the quadratic that, like a model, writes every gradient into the same tensor (so a method that kept a
    /// reference to a gradient would see it change).
    /// </summary>
    public static Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> Quadratic<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        var gradient = new Tensor<T>(X0.Length);
        return x =>
        {
            var values = Values(x);
            var g = Gradient(values);
            for (int i = 0; i < g.Length; i++) gradient[i] = T.CreateTruncating(g[i]);
            return (Loss(values), gradient);
        };
    }

    /// <summary>The elements of <paramref name="t"/> in double.</summary>
    public static double[] Values<T>(Tensor<T> t) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[t.NElement()];
        var span = t.Contiguous().AsSpan();
        for (int i = 0; i < values.Length; i++) values[i] = double.CreateTruncating(span[i]);
        return values;
    }

    /// <summary>Asserts <paramref name="actual"/> equals <paramref name="expected"/> to a relative tolerance suited to T.</summary>
    public static void AssertClose<T>(double[] expected, Tensor<T> actual, string context, double floatTolerance = 2e-6)
        where T : unmanaged, IFloatingPointIeee754<T>
        => AssertClose<T>(expected, Values(actual), context, floatTolerance);

    /// <summary>Asserts two vectors are equal to a relative tolerance suited to T.</summary>
    public static void AssertClose<T>(double[] expected, double[] actual, string context, double floatTolerance = 2e-6)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        double tolerance = typeof(T) == typeof(float) ? floatTolerance : 1e-13;
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * Math.Max(1, Math.Abs(expected[i])),
                $"{context} [{i}]: expected {expected[i]:R}, got {actual[i]:R}");
    }

    /// <summary>Runs <paramref name="method"/> for <paramref name="steps"/> steps on the quadratic and returns x after each.</summary>
    public static List<double[]> Run<T>(OptimMethod<T> method, int steps) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var x = Start<T>();
        var feval = Quadratic<T>();
        var trajectory = new List<double[]>();
        for (int i = 0; i < steps; i++)
        {
            var (parameter, losses) = method.Optimize(feval, x);
            Assert.Same(x, parameter);
            Assert.Single(losses);
            trajectory.Add(Values(x));
        }
        return trajectory;
    }

    /// <summary>Asserts a trajectory matches a reference computed in double, step by step.</summary>
    public static void AssertTrajectory<T>(IReadOnlyList<double[]> expected, IReadOnlyList<double[]> actual, double floatTolerance = 2e-6)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Count, actual.Count);
        for (int k = 0; k < expected.Count; k++) AssertClose<T>(expected[k], actual[k], $"step {k + 1}", floatTolerance);
    }
}
