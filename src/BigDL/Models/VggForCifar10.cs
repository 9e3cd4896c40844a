using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>The VGG-style network BigDL trains on CIFAR-10 (3×32×32 images), as BigDL's example model.</summary>
/// <remarks>
/// Thirteen 3×3 convolutions (64, 64, 128, 128, 256 ×3, 512 ×6), each followed by SpatialBatchNormalization(eps
/// 1e-3) and ReLU, with Dropout between convolutions of a block (0.3 after the first, 0.4 after the others) and a
/// ceil-mode 2×2 max pooling after each block; then View(512) → Dropout(0.5) → Linear(512, 512) →
/// BatchNormalization(512) → ReLU → Dropout(0.5) → Linear(512, classNum) → LogSoftMax. Without dropout the Dropout
/// layers are left out. Input [N, 3, 32, 32]; output log-probabilities [N, classNum].
/// </remarks>
public static class VggForCifar10
{
    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Number of classes.</param>
    /// <param name="hasDropout">Whether to include the Dropout layers (default true).</param>
    public static Sequential<T> Create<T>(int classNum, bool hasDropout = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var model = new Sequential<T>();
        void ConvBNReLU(int nInputPlane, int nOutputPlane) => model
            .Add(new SpatialConvolution<T>(nInputPlane, nOutputPlane, 3, 3, 1, 1, 1, 1))
            .Add(new SpatialBatchNormalization<T>(nOutputPlane, 1e-3))
            .Add(new ReLU<T>(ip: true));
        void Drop(double p)
        {
            if (hasDropout) model.Add(new Dropout<T>(p));
        }
        void Pool() => model.Add(new SpatialMaxPooling<T>(2, 2, 2, 2).Ceil());

        ConvBNReLU(3, 64); Drop(0.3); ConvBNReLU(64, 64); Pool();
        ConvBNReLU(64, 128); Drop(0.4); ConvBNReLU(128, 128); Pool();
        ConvBNReLU(128, 256); Drop(0.4); ConvBNReLU(256, 256); Drop(0.4); ConvBNReLU(256, 256); Pool();
        ConvBNReLU(256, 512); Drop(0.4); ConvBNReLU(512, 512); Drop(0.4); ConvBNReLU(512, 512); Pool();
        ConvBNReLU(512, 512); Drop(0.4); ConvBNReLU(512, 512); Drop(0.4); ConvBNReLU(512, 512); Pool();
        model.Add(new View<T>(512).SetNumInputDims(3));
        Drop(0.5);
        model.Add(new Linear<T>(512, 512)).Add(new BatchNormalization<T>(512)).Add(new ReLU<T>(ip: true));
        Drop(0.5);
        return model.Add(new Linear<T>(512, classNum)).Add(new LogSoftMax<T>());
    }
}
