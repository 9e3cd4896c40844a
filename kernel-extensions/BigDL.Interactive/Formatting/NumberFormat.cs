using System.Globalization;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// One way of writing every number of an output, chosen from the values it shows so they line up: integers when all
/// are whole (and below a million), else 4 decimals, else (values at or above 1e6, or non-zero ones below 1e-4)
/// scientific with 4 decimals. Invariant culture; NaN and infinities as <c>nan</c>, <c>inf</c>, <c>-inf</c>.
/// </summary>
internal sealed class NumberFormat
{
    private const double ScientificAbove = 1e6;
    private const double ScientificBelow = 1e-4;

    private static readonly NumberFormat Integer = new("0");
    private static readonly NumberFormat Fixed = new("0.0000");
    private static readonly NumberFormat Scientific = new("0.0000e+00");

    private readonly string _pattern;

    private NumberFormat(string pattern) => _pattern = pattern;

    /// <summary>The format for an output showing <paramref name="values"/>; <paramref name="integers"/> false never
    /// picks the integer form (for measurements such as losses and accuracies, which happen to be whole at times).</summary>
    public static NumberFormat For(IEnumerable<double> values, bool integers = true)
    {
        bool whole = true;
        double largest = 0, smallest = double.PositiveInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v)) continue;
            double a = Math.Abs(v);
            largest = Math.Max(largest, a);
            if (a > 0) smallest = Math.Min(smallest, a);
            whole &= v == Math.Floor(v);
        }
        if (integers && whole && largest < ScientificAbove) return Integer;
        return largest >= ScientificAbove || smallest < ScientificBelow ? Scientific : Fixed;
    }

    /// <summary><paramref name="value"/> in this format.</summary>
    public string Format(double value)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        return value.ToString(_pattern, CultureInfo.InvariantCulture);
    }

    /// <summary><paramref name="value"/> alone, in the format chosen for it.</summary>
    public static string Single(double value) => For([value]).Format(value);

    /// <summary>A measurement alone, with decimals even when it is whole: <c>1.0000</c>, <c>0.0412</c>, <c>1.2000e-05</c>.</summary>
    public static string Measurement(double value) => For([value], integers: false).Format(value);

    /// <summary>A count with thousands separators: <c>22,278</c>.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
