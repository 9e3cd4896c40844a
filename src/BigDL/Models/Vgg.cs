using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>VGG-16 and VGG-19 for 3×224×224 ImageNet images, as BigDL's <c>Vgg_16</c> and <c>Vgg_19</c>.</summary>
/// <remarks>
/// 3×3 convolutions with padding 1 and ReLU in five blocks of 64, 128, 256, 512, 512 planes (2, 2, 3, 3, 3 convolutions
/// for VGG-16; 2, 2, 4, 4, 4 for VGG-19), each block ending in 2×2 max pooling; then View(25088) → Linear(25088, 4096) →
/// Threshold(0, 1e-6) → Dropout(0.5) → Linear(4096, 4096) → Threshold → Dropout → Linear(4096, classNum) → LogSoftMax.
/// VGG-16 with 1000 classes has 138,357,544 parameters.
/// </remarks>
public static class Vgg
{
    /// <summary>VGG-16.</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Vgg16<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T> => Build<T>(classNum, [2, 2, 3, 3, 3]);

    /// <summary>VGG-19.</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Vgg19<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T> => Build<T>(classNum, [2, 2, 4, 4, 4]);

    private static Sequential<T> Build<T>(int classNum, int[] convolutionsPerBlock) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var model = new Sequential<T>();
        int planes = 3;
        int[] widths = [64, 128, 256, 512, 512];
        for (int block = 0; block < widths.Length; block++)
        {
            for (int i = 0; i < convolutionsPerBlock[block]; i++)
            {
                model.Add(new SpatialConvolution<T>(planes, widths[block], 3, 3, 1, 1, 1, 1)).Add(new ReLU<T>(ip: true));
                planes = widths[block];
            }
            model.Add(new SpatialMaxPooling<T>(2, 2, 2, 2));
        }
        return model
            .Add(new View<T>(512 * 7 * 7).SetNumInputDims(3))
            .Add(new Linear<T>(512 * 7 * 7, 4096)).Add(new Threshold<T>(0, 1e-6)).Add(new Dropout<T>(0.5))
            .Add(new Linear<T>(4096, 4096)).Add(new Threshold<T>(0, 1e-6)).Add(new Dropout<T>(0.5))
            .Add(new Linear<T>(4096, classNum)).Add(new LogSoftMax<T>());
    }
}
