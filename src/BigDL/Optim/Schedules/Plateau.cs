using System.Globalization;

namespace BigDL.Optim;

/// <summary>
/// Reduces the learning rate when a monitored quantity stops improving: at each new epoch it compares the last
/// validation score (or loss) with the best so far, and after <see cref="Patience"/> epochs without improvement
/// multiplies the rate by <see cref="Factor"/>, never below <see cref="MinLr"/> (BigDL <c>SGD.Plateau</c>,
/// Keras's <c>ReduceLROnPlateau</c>).
/// </summary>
/// <remarks>
/// The quantity is read from <see cref="OptimState{T}.Score"/> or <see cref="OptimState{T}.Loss"/> on the first
/// update of each epoch after the first; the rate stays the base rate during epoch 1. The best value, the waiting and
/// cool-down counters and the current rate are kept in the state's scalars (<c>plateau.*</c>). BigDL computes in
/// float; this class computes in double.
/// </remarks>
public sealed class Plateau : LearningRateSchedule
{
    private const string RateKey = "plateau.rate";
    private const string EpochKey = "plateau.epoch";
    private const string BestKey = "plateau.best";
    private const string WaitKey = "plateau.wait";
    private const string CooldownKey = "plateau.cooldown";

    /// <summary>Creates the schedule.</summary>
    /// <param name="monitor">The quantity monitored: <c>"score"</c> (the validation score) or <c>"loss"</c> (the training loss); case is ignored.</param>
    /// <param name="factor">The factor of a reduction, in [0, 1): new rate = rate·factor.</param>
    /// <param name="patience">Epochs without improvement before a reduction, ≥ 0.</param>
    /// <param name="mode"><c>"min"</c>: the quantity should decrease; <c>"max"</c>: it should increase.</param>
    /// <param name="epsilon">The smallest change that counts as an improvement, ≥ 0.</param>
    /// <param name="cooldown">Epochs to wait after a reduction before counting again, ≥ 0.</param>
    /// <param name="minLr">The lower bound of the rate, ≥ 0.</param>
    /// <exception cref="ArgumentException"><paramref name="monitor"/> or <paramref name="mode"/> is not one of the names above.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public Plateau(string monitor = "score", double factor = 0.1, int patience = 10, string mode = "min",
        double epsilon = 1e-4, int cooldown = 0, double minLr = 0)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(mode);
        if (!IsScore(monitor) && !monitor.Equals("loss", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"expected monitor \"score\" or \"loss\", got \"{monitor}\"", nameof(monitor));
        if (mode != "min" && mode != "max")
            throw new ArgumentException($"expected mode \"min\" or \"max\", got \"{mode}\"", nameof(mode));
        Monitor = monitor;
        Factor = HyperParameter.Fraction(factor, nameof(factor));
        Patience = HyperParameter.NonNegative(patience, nameof(patience));
        Mode = mode;
        Epsilon = HyperParameter.NonNegative(epsilon, nameof(epsilon));
        Cooldown = HyperParameter.NonNegative(cooldown, nameof(cooldown));
        MinLr = HyperParameter.NonNegative(minLr, nameof(minLr));
    }

    /// <summary>The quantity monitored: <c>"score"</c> or <c>"loss"</c>.</summary>
    public string Monitor { get; }

    /// <summary>The factor of a reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a reduction.</summary>
    public int Patience { get; }

    /// <summary><c>"min"</c> or <c>"max"</c>.</summary>
    public string Mode { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double Epsilon { get; }

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The lower bound of the rate.</summary>
    public double MinLr { get; }

    /// <inheritdoc/>
    protected internal override double ComputeRate(in ScheduleContext context)
    {
        int epoch = context.Epoch - context.ExcludedEpochs;
        double rate = epoch == 1 ? context.LearningRate : context.Get(RateKey) ?? context.LearningRate;
        if (epoch != (int)(context.Get(EpochKey) ?? 1))
        {
            context.Set(EpochKey, epoch);
            rate = NewEpoch(context, rate);
        }
        context.Set(RateKey, rate);
        return rate;
    }

    private double NewEpoch(in ScheduleContext context, double rate)
    {
        double current = (IsScore(Monitor) ? context.Score : context.Loss)
            ?? throw new InvalidOperationException($"Plateau monitors the {Monitor}, but none is available at epoch {context.Epoch}: the training loop must set State.{(IsScore(Monitor) ? "Score" : "Loss")}");
        bool min = Mode == "min";
        double best = context.Get(BestKey) ?? (min ? double.PositiveInfinity : double.NegativeInfinity);
        int wait = (int)(context.Get(WaitKey) ?? 0);
        int cooldown = (int)(context.Get(CooldownKey) ?? 0);
        if (cooldown > 0)
        {
            cooldown--;
            wait = 0;
        }
        if (min ? current < best - Epsilon : current > best + Epsilon)
        {
            best = current;
            wait = 0;
        }
        else if (cooldown <= 0)
        {
            if (wait >= Patience && rate > MinLr + MinLr * 1e-4)
            {
                rate = Math.Max(rate * Factor, MinLr);
                cooldown = Cooldown;
                wait = 0;
            }
            wait++;
        }
        context.Set(BestKey, best);
        context.Set(WaitKey, wait);
        context.Set(CooldownKey, cooldown);
        return rate;
    }

    private static bool IsScore(string monitor) => monitor.Equals("score", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Plateau(monitor: {Monitor}, factor: {Factor}, patience: {Patience}, mode: {Mode}, epsilon: {Epsilon}, cooldown: {Cooldown}, minLr: {MinLr})");
}
