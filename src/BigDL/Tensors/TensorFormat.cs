using System.Globalization;
using System.Numerics;

namespace BigDL.Tensors;

/// <summary>Number formatting and summarising rules for <see cref="Tensor{T}.ToString()"/>.</summary>
internal static class TensorFormat
{
    /// <summary>Entries kept at each end of a summarised row, column or vector.</summary>
    internal const int MatrixEdge = 10;

    /// <summary>Slices kept at each end of a summarised leading dimension.</summary>
    internal const int SliceEdge = 3;

    /// <summary>
    /// True when entry <paramref name="i"/> of a dimension of <paramref name="n"/> starts the elided middle
    /// (the dimension has more than 2 × <paramref name="edge"/> entries); <paramref name="next"/> is the first
    /// entry printed after the <c>...</c>.
    /// </summary>
    internal static bool Skip(int i, int n, int edge, out int next)
    {
        next = n - edge;
        return n > 2 * edge && i == edge;
    }

    /// <summary>
    /// A value as Java's <c>Double.toString</c> (double) or <c>Float.toString</c> (float) writes it: shortest
    /// round-trip digits, at least one digit after the point, plain notation for magnitudes in [1e-3, 1e7) and
    /// <c>d.dddE±n</c> (no plus sign) otherwise.
    /// </summary>
    internal static string Value<T>(T value) where T : IFloatingPointIeee754<T>
    {
        string shortest;
        if (typeof(T) == typeof(float))
        {
            float f = float.CreateTruncating(value);
            if (float.IsNaN(f)) return "NaN";
            if (float.IsInfinity(f)) return f > 0 ? "Infinity" : "-Infinity";
            if (f == 0) return float.IsNegative(f) ? "-0.0" : "0.0";
            shortest = f.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            double d = double.CreateTruncating(value);
            if (double.IsNaN(d)) return "NaN";
            if (double.IsInfinity(d)) return d > 0 ? "Infinity" : "-Infinity";
            if (d == 0) return double.IsNegative(d) ? "-0.0" : "0.0";
            shortest = d.ToString("R", CultureInfo.InvariantCulture);
        }
        return JavaStyle(shortest);
    }

    /// <summary>Rewrites a .NET round-trip string (plain or with an exponent) in Java's layout.</summary>
    internal static string JavaStyle(string shortest)
    {
        bool negative = shortest.StartsWith('-');
        string s = negative ? shortest[1..] : shortest;
        int exponent = 0;
        int e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(s.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            s = s[..e];
        }
        int point = s.IndexOf('.');
        string digits = point < 0 ? s : s.Remove(point, 1);
        int pointPosition = point < 0 ? s.Length : point;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits[lead..];
        pointPosition -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";

        // value = 0.<digits> × 10^(pointPosition + exponent) = d.ddd × 10^x
        int x = pointPosition + exponent - 1;
        string body;
        if (x >= -3 && x < 7)
        {
            if (x >= 0)
            {
                string integer = digits.Length > x + 1 ? digits[..(x + 1)] : digits.PadRight(x + 1, '0');
                string fraction = digits.Length > x + 1 ? digits[(x + 1)..] : "0";
                body = integer + "." + fraction;
            }
            else
            {
                body = "0." + new string('0', -x - 1) + digits;
            }
        }
        else
        {
            body = digits[..1] + "." + (digits.Length > 1 ? digits[1..] : "0") + "E" + x.ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + body : body;
    }
}
