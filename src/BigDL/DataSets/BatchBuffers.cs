using System.Numerics;
using BigDL.Tensors;

namespace BigDL.DataSets;

/// <summary>Two alternating pairs of batch tensors, resized (not reallocated) to each batch's shape.</summary>
internal sealed class BatchBuffers<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _inputs = [new(), new()];
    private readonly Tensor<T>[] _targets = [new(), new()];
    private int _next;

    /// <summary>The next pair, shaped [rows, record…] for the feature and label shapes given.</summary>
    public (Tensor<T> Input, Tensor<T> Target) Next(int rows, int[] featureShape, int[] labelShape)
    {
        int slot = _next;
        _next = 1 - _next;
        return (_inputs[slot].Resize([rows, .. featureShape]), _targets[slot].Resize([rows, .. labelShape]));
    }
}
