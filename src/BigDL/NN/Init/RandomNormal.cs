using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Normal values N(mean, stdv²).</summary>
/// <remarks>BigDL's <c>RandomNormal</c>.</remarks>
public sealed class RandomNormal : InitializationMethod
{
    /// <summary>N(mean, stdv²).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stdv"/> is negative.</exception>
    public RandomNormal(double mean, double stdv)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stdv);
        Mean = mean;
        Stdv = stdv;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation.</summary>
    public double Stdv { get; }

    /// <inheritdoc/>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        variable.RandNormal(RandomGenerator.Default, Mean, Stdv);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"RandomNormal({Mean}, {Stdv})");
}
