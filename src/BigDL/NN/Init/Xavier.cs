using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Glorot/Xavier uniform: U(−a, a) with a = √(6 / (fanIn + fanOut)).</summary>
/// <remarks>BigDL's <c>Xavier</c> (PyTorch's <c>xavier_uniform_</c>).</remarks>
public sealed class Xavier : InitializationMethod
{
    /// <inheritdoc/>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        double bound = Math.Sqrt(6.0 / Math.Max(format.FanIn + format.FanOut, 1));
        variable.RandUniform(RandomGenerator.Default, -bound, bound);
    }
}
