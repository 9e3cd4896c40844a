using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Pooling;

/// <summary>Gradient cases of the pooling layers.</summary>
public sealed class PoolingGradientCases : IGradientCases
{
    /// <summary>Distinct values (a shuffled range) so no window has a near-tie that a finite difference could flip.</summary>
    internal static Tensor<double> Distinct(ulong seed, params int[] sizes)
    {
        var t = new Tensor<double>(sizes);
        int n = t.NElement();
        var order = Enumerable.Range(0, n).ToArray();
        var random = new RandomGenerator(seed);
        for (int i = n - 1; i > 0; i--)
        {
            int j = (int)(random.NextUInt32() % (uint)(i + 1));
            (order[i], order[j]) = (order[j], order[i]);
        }
        var span = t.AsSpan();
        for (int i = 0; i < n; i++) span[i] = order[i] * 0.01;
        return t;
    }

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("SpatialMaxPooling image", () => new SpatialMaxPooling<double>(2, 2, 2, 2), () => Distinct(40, 2, 4, 6)),
        new("SpatialMaxPooling batch overlapping ceil", () => new SpatialMaxPooling<double>(3, 2, 2, 1).Ceil(), () => Distinct(41, 2, 2, 5, 6)),
        new("SpatialMaxPooling padded", () => new SpatialMaxPooling<double>(3, 3, 2, 2, 1, 1), () => Distinct(42, 1, 2, 5, 5)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
