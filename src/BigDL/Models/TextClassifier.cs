using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>
/// BigDL's text-classification CNN over word embeddings: three 1×5 convolutions with ReLU and max pooling along the
/// sequence, then Linear(128, 100) → Linear(100, classNum) → LogSoftMax.
/// </summary>
/// <remarks>
/// After BigDL's <c>example/textclassification</c>. Input: embedded sequences [N, sequenceLength, embeddingDim] (e.g.
/// GloVe vectors); they are turned into [N, embeddingDim, 1, sequenceLength] images. The last pooling spans whatever
/// length remains, so any <c>sequenceLength</c> of at least 149 works (BigDL's example uses 1000, where the
/// last window is 35 wide as in BigDL).
/// </remarks>
public static class TextClassifier
{
    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Number of classes.</param>
    /// <param name="embeddingDim">Size of each word vector.</param>
    /// <param name="sequenceLength">Words per sample (default 1000).</param>
    public static Sequential<T> Create<T>(int classNum, int embeddingDim, int sequenceLength = 1000) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(embeddingDim);
        int first = (sequenceLength - 4 - 5) / 5 + 1;
        int second = (first - 4 - 5) / 5 + 1;
        int last = second - 4;
        if (last < 1) throw new ArgumentOutOfRangeException(nameof(sequenceLength), sequenceLength, "sequenceLength must be at least 149 (three 5-wide convolutions, two 5-wide poolings)");
        return new Sequential<T>()
            .Add(new Transpose<T>((1, 2)))
            .Add(new Reshape<T>([embeddingDim, 1, sequenceLength], batchMode: true))
            .Add(new SpatialConvolution<T>(embeddingDim, 128, 5, 1)).Add(new ReLU<T>()).Add(new SpatialMaxPooling<T>(5, 1, 5, 1))
            .Add(new SpatialConvolution<T>(128, 128, 5, 1)).Add(new ReLU<T>()).Add(new SpatialMaxPooling<T>(5, 1, 5, 1))
            .Add(new SpatialConvolution<T>(128, 128, 5, 1)).Add(new ReLU<T>()).Add(new SpatialMaxPooling<T>(last, 1, last, 1))
            .Add(new Reshape<T>([128], batchMode: true))
            .Add(new Linear<T>(128, 100))
            .Add(new Linear<T>(100, classNum))
            .Add(new LogSoftMax<T>());
    }
}
