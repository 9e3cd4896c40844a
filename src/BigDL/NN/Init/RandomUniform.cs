using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Uniform values in [lower, upper); without bounds, Torch's default U(−1/√fanIn, 1/√fanIn).</summary>
/// <remarks>BigDL's <c>RandomUniform</c>; the bound-less form is every layer's default initialisation.</remarks>
public sealed class RandomUniform : InitializationMethod
{
    private readonly double? _lower;
    private readonly double? _upper;

    /// <summary>U(−1/√fanIn, 1/√fanIn).</summary>
    public RandomUniform()
    {
    }

    /// <summary>U(lower, upper).</summary>
    /// <exception cref="ArgumentException"><paramref name="lower"/> is above <paramref name="upper"/>.</exception>
    public RandomUniform(double lower, double upper)
    {
        if (!(lower <= upper)) throw new ArgumentException($"expected lower <= upper, got lower {lower} and upper {upper}", nameof(lower));
        _lower = lower;
        _upper = upper;
    }

    /// <inheritdoc/>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        double stdv = 1 / Math.Sqrt(Math.Max(format.FanIn, 1));
        variable.RandUniform(RandomGenerator.Default, _lower ?? -stdv, _upper ?? stdv);
    }

    /// <inheritdoc/>
    public override string ToString() => _lower is null
        ? "RandomUniform"
        : string.Create(CultureInfo.InvariantCulture, $"RandomUniform({_lower}, {_upper})");
}
