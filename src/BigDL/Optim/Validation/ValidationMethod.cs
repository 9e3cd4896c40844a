using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>Scores a batch of model outputs against their targets.</summary>
/// <remarks>BigDL's <c>ValidationMethod</c>. Results of batches merge with <c>+</c>.</remarks>
public abstract class ValidationMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The score of <paramref name="output"/> against <paramref name="target"/>.</summary>
    /// <exception cref="ArgumentException">Output and target do not fit each other.</exception>
    public abstract ValidationResult Apply(Tensor<T> output, Tensor<T> target);

    /// <summary>The name results are reported under (BigDL's <c>format()</c>), e.g. <c>Top1Accuracy</c>.</summary>
    public virtual string Name => GetType().Name.Split('`')[0];

    /// <inheritdoc/>
    public override string ToString() => Name;
}
