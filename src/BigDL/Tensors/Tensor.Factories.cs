namespace BigDL.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>A tensor of zeros.</summary>
    public static Tensor<T> Zeros(params int[] sizes) => new(sizes);

    /// <summary>A tensor of ones.</summary>
    public static Tensor<T> Ones(params int[] sizes) => new Tensor<T>(sizes).Fill(T.One);

    /// <summary>
    /// The 1-D tensor start, start + step, … up to and including <paramref name="end"/> when it is reached
    /// (Torch's <c>range</c>, which includes the end).
    /// </summary>
    public static Tensor<T> Range(double start, double end, double step = 1)
    {
        if (step == 0 || double.IsNaN(step)) throw new ArgumentOutOfRangeException(nameof(step), step, "step must be non-zero");
        if ((end - start) / step < 0)
            throw new ArgumentException($"Range({start}, {end}, step: {step}) is empty: the step points away from the end", nameof(step));
        int n = (int)Math.Floor((end - start) / step + 1e-9) + 1;
        var t = new Tensor<T>(n);
        var span = t.AsSpan();
        for (int i = 0; i < n; i++) span[i] = T.CreateChecked(start + i * step);
        return t;
    }

    /// <summary>An <paramref name="n"/>×<paramref name="m"/> matrix with ones on the diagonal (m = n when omitted).</summary>
    public static Tensor<T> Eye(int n, int m = -1)
    {
        if (m < 0) m = n;
        var t = new Tensor<T>(n, m);
        for (int i = 0; i < Math.Min(n, m); i++) t[i, i] = T.One;
        return t;
    }

    /// <summary>Uniform values in [0, 1) from <see cref="RandomGenerator.Default"/>.</summary>
    public static Tensor<T> Rand(params int[] sizes) => Rand(RandomGenerator.Default, sizes);

    /// <summary>Uniform values in [0, 1) from <paramref name="generator"/>.</summary>
    public static Tensor<T> Rand(RandomGenerator generator, params int[] sizes)
        => new Tensor<T>(sizes).FillRandom(generator, g => g.Uniform());

    /// <summary>Standard normal values from <see cref="RandomGenerator.Default"/>.</summary>
    public static Tensor<T> Randn(params int[] sizes) => Randn(RandomGenerator.Default, sizes);

    /// <summary>Standard normal values from <paramref name="generator"/>.</summary>
    public static Tensor<T> Randn(RandomGenerator generator, params int[] sizes)
        => new Tensor<T>(sizes).FillRandom(generator, g => g.Normal());

    /// <summary>Ones with probability <paramref name="p"/>, else zeros, from <see cref="RandomGenerator.Default"/>.</summary>
    public static Tensor<T> Bernoulli(double p, params int[] sizes) => Bernoulli(RandomGenerator.Default, p, sizes);

    /// <summary>Ones with probability <paramref name="p"/>, else zeros, from <paramref name="generator"/>.</summary>
    public static Tensor<T> Bernoulli(RandomGenerator generator, double p, params int[] sizes)
    {
        if (p is < 0 or > 1 || double.IsNaN(p)) throw new ArgumentOutOfRangeException(nameof(p), p, "probability must be in [0, 1]");
        return new Tensor<T>(sizes).FillRandom(generator, g => g.Bernoulli(p) ? 1.0 : 0.0);
    }

    /// <summary>Fills with uniform values in [<paramref name="low"/>, <paramref name="high"/>) in row-major order.</summary>
    public Tensor<T> RandUniform(RandomGenerator generator, double low, double high)
        => FillRandom(generator, g => g.Uniform(low, high));

    /// <summary>Fills with normal values of the given mean and standard deviation in row-major order.</summary>
    public Tensor<T> RandNormal(RandomGenerator generator, double mean, double stdv)
        => FillRandom(generator, g => g.Normal(mean, stdv));

    /// <summary>A new zero tensor with this tensor's sizes (a scalar for a scalar, empty for an empty tensor).</summary>
    internal Tensor<T> NewWithSameShape() => IsScalar ? Scalar(T.Zero) : new Tensor<T>(_size);

    private Tensor<T> FillRandom(RandomGenerator generator, Func<RandomGenerator, double> draw)
    {
        ArgumentNullException.ThrowIfNull(generator);
        return Apply(_ => T.CreateChecked(draw(generator)));
    }
}
