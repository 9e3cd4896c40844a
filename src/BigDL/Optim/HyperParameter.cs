using System.Globalization;

namespace BigDL.Optim;

/// <summary>Constructor checks shared by the optimisation methods and schedules: each failure names the argument, the expected range and the value given.</summary>
internal static class HyperParameter
{
    /// <summary>Throws unless <paramref name="value"/> is a finite number ≥ 0.</summary>
    public static double NonNegative(double value, string name)
        => double.IsFinite(value) && value >= 0 ? value : throw OutOfRange(name, value, ">= 0");

    /// <summary>Throws unless <paramref name="value"/> is a finite number &gt; 0.</summary>
    public static double Positive(double value, string name)
        => double.IsFinite(value) && value > 0 ? value : throw OutOfRange(name, value, "> 0");

    /// <summary>Throws unless <paramref name="value"/> is &gt; 0.</summary>
    public static int Positive(int value, string name)
        => value > 0 ? value : throw OutOfRange(name, value, "> 0");

    /// <summary>Throws unless <paramref name="value"/> is ≥ 0.</summary>
    public static int NonNegative(int value, string name)
        => value >= 0 ? value : throw OutOfRange(name, value, ">= 0");

    /// <summary>Throws unless <paramref name="value"/> is in [0, 1).</summary>
    public static double Fraction(double value, string name)
        => value >= 0 && value < 1 ? value : throw OutOfRange(name, value, "in [0, 1)");

    /// <summary>Throws unless <paramref name="value"/> is in [0, 1].</summary>
    public static double ClosedFraction(double value, string name)
        => value >= 0 && value <= 1 ? value : throw OutOfRange(name, value, "in [0, 1]");

    /// <summary>Throws unless <paramref name="value"/> is a finite number.</summary>
    public static double Finite(double value, string name)
        => double.IsFinite(value) ? value : throw OutOfRange(name, value, "a finite number");

    /// <summary>An <see cref="ArgumentOutOfRangeException"/> saying "expected {name} {expected}, got {value}".</summary>
    public static ArgumentOutOfRangeException OutOfRange(string name, object value, string expected)
        => new(name, value, string.Create(CultureInfo.InvariantCulture, $"expected {name} {expected}, got {value}"));
}
