using System.Numerics;
using BigDL.Tensors;

namespace BigDL.DataSets;

/// <summary>One training record: a feature tensor and its label tensor (a class index is a 0-dim or 1-element tensor).</summary>
/// <remarks>
/// BigDL's <c>Sample</c> (one feature, one label). Class labels are 0-based here; BigDL's Scala API used 1-based labels.
/// </remarks>
public sealed class Sample<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A sample of <paramref name="feature"/> and <paramref name="label"/> (both kept, not copied).</summary>
    public Sample(Tensor<T> feature, Tensor<T> label)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(label);
        Feature = feature;
        Label = label;
    }

    /// <summary>A sample whose label is one value, e.g. a 0-based class index.</summary>
    public Sample(Tensor<T> feature, T label) : this(feature, Tensor<T>.Scalar(label))
    {
    }

    /// <summary>The input of the model.</summary>
    public Tensor<T> Feature { get; }

    /// <summary>The target of the criterion.</summary>
    public Tensor<T> Label { get; }

    /// <inheritdoc/>
    public override string ToString() => $"Sample(feature [{string.Join(", ", Feature.Size())}], label [{string.Join(", ", Label.Size())}])";
}
