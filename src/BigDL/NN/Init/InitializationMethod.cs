using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>How a layer fills a weight or bias tensor when it is created or <see cref="Module{T}.Reset"/>.</summary>
/// <remarks>
/// BigDL's <c>InitializationMethod</c>. Random methods draw from <see cref="RandomGenerator.Default"/>, so
/// <c>RandomGenerator.Default.SetSeed(s)</c> before building a model makes its initial weights reproducible.
/// Set one per layer with <see cref="Module{T}.SetInitMethod"/>.
/// </remarks>
public abstract class InitializationMethod
{
    /// <summary>Fills <paramref name="variable"/>; <paramref name="format"/> gives its fan-in and fan-out.</summary>
    public abstract void Init<T>(Tensor<T> variable, VariableFormat format) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The method's name and arguments, e.g. <c>RandomUniform(-0.1, 0.1)</c>.</summary>
    public override string ToString() => GetType().Name;
}
