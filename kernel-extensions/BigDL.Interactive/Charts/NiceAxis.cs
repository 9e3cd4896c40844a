using System.Globalization;

namespace BigDL.Interactive.Charts;

/// <summary>
/// An axis over data from <see cref="Min"/> to <see cref="Max"/> widened to "nice" ends: ticks every 1, 2 or 5 times a
/// power of ten, so labels read 0, 0.2, 0.4 rather than 0.13, 0.37 (Heckbert's labelling in Graphics Gems).
/// </summary>
internal sealed class NiceAxis
{
    private NiceAxis(double min, double max, double step)
    {
        Min = min;
        Max = max;
        Step = step;
    }

    /// <summary>The axis's lower end, a multiple of <see cref="Step"/> at or below the smallest value.</summary>
    public double Min { get; }

    /// <summary>The axis's upper end, a multiple of <see cref="Step"/> at or above the largest value.</summary>
    public double Max { get; }

    /// <summary>The distance between ticks: 1, 2 or 5 times a power of ten.</summary>
    public double Step { get; }

    /// <summary>The tick values from <see cref="Min"/> to <see cref="Max"/>.</summary>
    public IEnumerable<double> Ticks
    {
        get
        {
            int count = (int)Math.Round((Max - Min) / Step);
            for (int i = 0; i <= count; i++) yield return Min + i * Step;
        }
    }

    /// <summary>An axis covering [<paramref name="low"/>, <paramref name="high"/>] with about <paramref name="ticks"/> ticks.</summary>
    /// <exception cref="ArgumentException">A bound is not finite, or <paramref name="low"/> exceeds <paramref name="high"/>.</exception>
    public static NiceAxis Covering(double low, double high, int ticks = 6)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
            throw new ArgumentException($"an axis needs finite bounds with low <= high, got [{low}, {high}]", nameof(low));
        ArgumentOutOfRangeException.ThrowIfLessThan(ticks, 2);
        (low, high) = Widened(low, high);
        double step = Nice((high - low) / (ticks - 1));
        double min = Math.Floor(low / step) * step, max = Math.Ceiling(high / step) * step;
        if (min > low) min -= step; // rounding in the division can land one step inside
        if (max < high) max += step;
        return new NiceAxis(min, max, step);
    }

    /// <summary>Where <paramref name="value"/> falls on the axis, from 0 at <see cref="Min"/> to 1 at <see cref="Max"/>.</summary>
    public double Fraction(double value) => (value - Min) / (Max - Min);

    /// <summary>A tick label: as many decimals as the step needs, or scientific notation for very large or small values.</summary>
    public string Label(double value)
    {
        if (Math.Abs(value) < Step * 1e-9) value = 0;
        double magnitude = Math.Max(Math.Abs(Min), Math.Abs(Max));
        if (magnitude >= 1e6 || Step < 1e-4) return value.ToString("0.##E+0", CultureInfo.InvariantCulture);
        int decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(Step) + 1e-9));
        return value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>A range of zero width made into one around its value.</summary>
    private static (double Low, double High) Widened(double low, double high)
    {
        if (high > low) return (low, high);
        double half = low == 0 ? 1 : Math.Abs(low) * 0.1;
        return (low - half, high + half);
    }

    /// <summary>The 1, 2, 5 or 10 times a power of ten nearest <paramref name="x"/>.</summary>
    private static double Nice(double x)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(x)));
        double fraction = x / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }
}
