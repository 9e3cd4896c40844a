using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Fills with one constant value.</summary>
/// <remarks>BigDL's <c>ConstInitMethod</c>; <see cref="Zeros"/> and <see cref="Ones"/> are its common cases.</remarks>
public class ConstInitMethod(double value) : InitializationMethod
{
    /// <summary>The value written to every element.</summary>
    public double Value { get; } = value;

    /// <inheritdoc/>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        variable.Fill(T.CreateTruncating(Value));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ConstInitMethod({Value})");
}
