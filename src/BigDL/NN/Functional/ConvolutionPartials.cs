using System.Numerics;
using System.Numerics.Tensors;

namespace BigDL.NN;

/// <summary>
/// Each worker's partial weight-gradient and bias-gradient sums for one convolution, kept between calls (pinned: the
/// kernels add into them through raw pointers); the caller adds them up in worker order.
/// </summary>
internal sealed class ConvolutionPartials<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[][] _sums = [];
    private T[][] _biases = [];

    /// <summary>
    /// Sums of at least <paramref name="length"/> values and bias sums of <paramref name="planes"/> values for
    /// <paramref name="parts"/> workers; worker 0 sums into <paramref name="first"/> instead when given.
    /// </summary>
    public (T[][] Sums, T[][] Biases) For(int parts, long length, int planes, T[]? first = null)
    {
        if (_sums.Length < parts)
        {
            Array.Resize(ref _sums, parts);
            Array.Resize(ref _biases, parts);
        }
        var sums = new T[parts][];
        for (int w = 0; w < parts; w++)
        {
            if (w > 0 || first is null)
            {
                if (_sums[w] is null || _sums[w].Length < length) _sums[w] = GC.AllocateUninitializedArray<T>(checked((int)length), pinned: true);
                sums[w] = _sums[w];
            }
            if (_biases[w] is null || _biases[w].Length != planes) _biases[w] = new T[planes];
        }
        if (first is not null) sums[0] = first;
        return (sums, _biases);
    }

    /// <summary>sums[o] = Σ of plane o over images [<paramref name="first"/>, <paramref name="last"/>) of gradients [N, planes, positions].</summary>
    public static void SumBias(T[] gradOutput, int offset, int first, int last, int planes, int positions, T[] sums)
    {
        for (int image = first; image < last; image++)
            ConvolutionWorker<T>.SumPlanes(gradOutput.AsSpan(offset + image * planes * positions, planes * positions), positions, sums, accumulate: image != first);
    }

    /// <summary>gradBias += biasScale · the bias sums of workers 0 … parts − 1, in that order.</summary>
    public void AddBiases(int parts, T biasScale, Span<T> gradBias)
    {
        for (int w = 0; w < parts && !gradBias.IsEmpty; w++) TensorPrimitives.MultiplyAdd(_biases[w], biasScale, gradBias, gradBias);
    }
}
