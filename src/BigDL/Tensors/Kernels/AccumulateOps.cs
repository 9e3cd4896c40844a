using System.Runtime.Intrinsics;

namespace BigDL.Tensors.Kernels;

/// <summary>
/// A reduction computed in double (Torch's <c>accreal</c>): every element is turned into a double, optionally
/// shifted by a center, transformed, and combined with the running value; <see cref="Finish"/> turns the
/// combined value into the result. Implement as a <c>readonly struct</c> so the JIT inlines it into
/// <see cref="Accumulate"/>.
/// </summary>
internal interface IAccumulateOp
{
    /// <summary>The value of an empty reduction (0 for sums, 1 for products).</summary>
    double Identity { get; }

    /// <summary>True when the caller's center is subtracted from each element before <see cref="Transform(double)"/>.</summary>
    bool Centered { get; }

    double Transform(double x);

    Vector256<double> Transform(Vector256<double> x);

    double Combine(double a, double b);

    Vector256<double> Combine(Vector256<double> a, Vector256<double> b);

    /// <summary>Turns the combined value of <paramref name="count"/> elements into the result.</summary>
    double Finish(double accumulated, int count);
}

/// <summary>Σ x.</summary>
internal readonly struct SumOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => x;
    public Vector256<double> Transform(Vector256<double> x) => x;
    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => accumulated;
}

/// <summary>Σ x / n (callers reject n = 0 first).</summary>
internal readonly struct MeanOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => x;
    public Vector256<double> Transform(Vector256<double> x) => x;
    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => accumulated / count;
}

/// <summary>Π x.</summary>
internal readonly struct ProdOp : IAccumulateOp
{
    public double Identity => 1;
    public bool Centered => false;
    public double Transform(double x) => x;
    public Vector256<double> Transform(Vector256<double> x) => x;
    public double Combine(double a, double b) => a * b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a * b;
    public double Finish(double accumulated, int count) => accumulated;
}

/// <summary>Σ |x| (the 1-norm).</summary>
internal readonly struct AbsSumOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => Math.Abs(x);
    public Vector256<double> Transform(Vector256<double> x) => Vector256.Abs(x);
    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => accumulated;
}

/// <summary>√(Σ x²) (the 2-norm).</summary>
internal readonly struct SquareSumOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => x * x;
    public Vector256<double> Transform(Vector256<double> x) => x * x;
    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => Math.Sqrt(accumulated);
}

/// <summary>(Σ |x|^p)^(1/p) for a finite p &gt; 0.</summary>
internal readonly struct PowSumOp(double p) : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => Math.Pow(Math.Abs(x), p);

    public Vector256<double> Transform(Vector256<double> x)
        => Vector256.Create(Transform(x.GetElement(0)), Transform(x.GetElement(1)), Transform(x.GetElement(2)), Transform(x.GetElement(3)));

    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => Math.Pow(accumulated, 1 / p);
}

/// <summary>max |x| (the ∞-norm); NaN propagates.</summary>
internal readonly struct MaxAbsOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => false;
    public double Transform(double x) => Math.Abs(x);
    public Vector256<double> Transform(Vector256<double> x) => Vector256.Abs(x);
    public double Combine(double a, double b) => Math.Max(a, b);
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
    public double Finish(double accumulated, int count) => accumulated;
}

/// <summary>Σ (x − center)², the second pass of a two-pass variance.</summary>
internal readonly struct SquaredDeviationOp : IAccumulateOp
{
    public double Identity => 0;
    public bool Centered => true;
    public double Transform(double x) => x * x;
    public Vector256<double> Transform(Vector256<double> x) => x * x;
    public double Combine(double a, double b) => a + b;
    public Vector256<double> Combine(Vector256<double> a, Vector256<double> b) => a + b;
    public double Finish(double accumulated, int count) => accumulated;
}
