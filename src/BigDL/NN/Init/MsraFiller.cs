using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>He/MSRA normal: N(0, 2/n) with n = (fanIn + fanOut)/2, or n = fanOut when not averaging.</summary>
/// <remarks>BigDL's and Caffe's <c>MsraFiller</c>.</remarks>
/// <param name="varianceNormAverage">Use the average of fan-in and fan-out (default) instead of fan-out.</param>
public sealed class MsraFiller(bool varianceNormAverage = true) : InitializationMethod
{
    /// <summary>Whether n is the average of fan-in and fan-out (else fan-out).</summary>
    public bool VarianceNormAverage { get; } = varianceNormAverage;

    /// <inheritdoc/>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        double n = VarianceNormAverage ? (format.FanIn + format.FanOut) / 2.0 : format.FanOut;
        variable.RandNormal(RandomGenerator.Default, 0, Math.Sqrt(2.0 / Math.Max(n, 1)));
    }

    /// <inheritdoc/>
    public override string ToString() => $"MsraFiller({VarianceNormAverage})";
}
