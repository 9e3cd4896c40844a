namespace BigDL;

/// <summary>
/// A seedable Mersenne Twister (MT19937) with Torch7's uniform, normal (Box–Muller) and Bernoulli draws,
/// so a seed gives the same stream as Torch/BigDL's <c>RandomGenerator</c>.
/// </summary>
/// <remarks>
/// A generator is not thread-safe. <see cref="Default"/> is one generator per thread (as BigDL's
/// <c>RandomGenerator.RNG</c>), so seeding it affects the calling thread's stream only.
/// </remarks>
public sealed class RandomGenerator
{
    private const int N = 624;
    private const int M = 397;
    private readonly uint[] _state = new uint[N];
    private int _next;
    private bool _normalValid;
    private double _normalRho;
    private double _normalX;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public RandomGenerator(ulong seed = 5489) => SetSeed(seed);

    [ThreadStatic]
    private static RandomGenerator? _default;

    /// <summary>
    /// This thread's generator: what tensor factories, layer initialisation and dropout use when none is given.
    /// Seed it on the thread that builds and trains a model for reproducible runs.
    /// </summary>
    public static RandomGenerator Default => _default ??= new();

    /// <summary>The seed last set.</summary>
    public ulong Seed { get; private set; }

    /// <summary>Restarts the stream from <paramref name="seed"/> (Torch's <c>manualSeed</c>).</summary>
    public RandomGenerator SetSeed(ulong seed)
    {
        Seed = seed;
        _state[0] = (uint)seed;
        for (int i = 1; i < N; i++)
            _state[i] = 1812433253u * (_state[i - 1] ^ (_state[i - 1] >> 30)) + (uint)i;
        _next = N;
        _normalValid = false;
        return this;
    }

    /// <summary>The next 32 random bits.</summary>
    public uint NextUInt32()
    {
        if (_next >= N) Twist();
        uint y = _state[_next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Uniform in [0, 1): 32 random bits divided by 2^32, as Torch7.</summary>
    public double Uniform() => NextUInt32() * (1.0 / 4294967296.0);

    /// <summary>Uniform in [<paramref name="a"/>, <paramref name="b"/>).</summary>
    public double Uniform(double a, double b) => Uniform() * (b - a) + a;

    /// <summary>Normal with the given mean and standard deviation (Box–Muller, pairs cached as Torch7).</summary>
    public double Normal(double mean = 0, double stdv = 1)
    {
        if (stdv <= 0) throw new ArgumentOutOfRangeException(nameof(stdv), stdv, "standard deviation must be positive");
        if (!_normalValid)
        {
            _normalX = Uniform();
            double y = Uniform();
            _normalRho = Math.Sqrt(-2.0 * Math.Log(1.0 - y));
            _normalValid = true;
            return _normalRho * Math.Cos(2.0 * Math.PI * _normalX) * stdv + mean;
        }
        _normalValid = false;
        return _normalRho * Math.Sin(2.0 * Math.PI * _normalX) * stdv + mean;
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Bernoulli(double p)
    {
        if (p is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(p), p, "probability must be in [0, 1]");
        return Uniform() < p;
    }

    private void Twist()
    {
        // The usual three ranges, so no index needs a modulo (a division per word made drawing 10x slower).
        var state = _state;
        int i = 0;
        for (; i < N - M; i++) state[i] = Mix(state[i], state[i + 1], state[i + M]);
        for (; i < N - 1; i++) state[i] = Mix(state[i], state[i + 1], state[i + M - N]);
        state[N - 1] = Mix(state[N - 1], state[0], state[M - 1]);
        _next = 0;
    }

    private static uint Mix(uint current, uint following, uint distant)
    {
        uint y = (current & 0x80000000u) | (following & 0x7fffffffu);
        uint v = distant ^ (y >> 1);
        return (y & 1) != 0 ? v ^ 0x9908b0dfu : v;
    }
}
