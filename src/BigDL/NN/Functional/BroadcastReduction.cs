using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Reduces a tensor to a shape it was broadcast from, summing over the broadcast dimensions.</summary>
internal static class BroadcastReduction
{
    /// <summary>
    /// Sums <paramref name="source"/> down to <paramref name="shape"/> (leading extra dimensions and dimensions of size
    /// 1 in <paramref name="shape"/> are summed), then views the result as <paramref name="shape"/>.
    /// </summary>
    public static Tensor<T> SumTo<T>(Tensor<T> source, int[] shape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var result = source;
        while (result.Dim() > shape.Length) result = result.Sum(0).Squeeze(0);
        for (int d = 0; d < shape.Length; d++)
            if (shape[d] == 1 && result.Size(d) != 1) result = result.Sum(d);
        return result.Contiguous().View(shape);
    }
}
