using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>GoogLeNet (Inception v1) for 3×224×224 images, as BigDL's <c>Inception_v1_NoAuxClassifier</c>.</summary>
/// <remarks>
/// Stem: 7×7/2 convolution (no input gradient, as BigDL), 3×3/2 ceil max pooling, cross-map LRN, 1×1 and 3×3
/// convolutions, LRN, pooling; nine Inception blocks (3a–5b), each a Concat along channels of 1×1, 1×1→3×3, 1×1→5×5 and
/// 3×3 max pooling→1×1 branches with ReLU after every convolution; then 7×7 average pooling, Dropout(0.4),
/// View(1024), Linear(1024, classNum), LogSoftMax. The auxiliary classifiers are left out.
/// </remarks>
public static class InceptionV1
{
    /// <summary>Branch widths of one block: 1×1; 3×3 reduce and 3×3; 5×5 reduce and 5×5; pool projection.</summary>
    internal readonly record struct Block(int C1, int C3Reduce, int C3, int C5Reduce, int C5, int Pool)
    {
        public int Output => C1 + C3 + C5 + Pool;
    }

    /// <summary>The blocks 3a–5b in order, with a max pooling after 3b and 4e.</summary>
    internal static readonly Block[] Blocks =
    [
        new(64, 96, 128, 16, 32, 32), new(128, 128, 192, 32, 96, 64),
        new(192, 96, 208, 16, 48, 64), new(160, 112, 224, 24, 64, 64), new(128, 128, 256, 24, 64, 64),
        new(112, 144, 288, 32, 64, 64), new(256, 160, 320, 32, 128, 128),
        new(256, 160, 320, 32, 128, 128), new(384, 192, 384, 48, 128, 128),
    ];

    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Create<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var model = new Sequential<T>()
            .Add(new SpatialConvolution<T>(3, 64, 7, 7, 2, 2, 3, 3, propagateBack: false).SetName("conv1/7x7_s2"))
            .Add(new ReLU<T>(ip: true))
            .Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil())
            .Add(new SpatialCrossMapLRN<T>(5, 0.0001, 0.75))
            .Add(new SpatialConvolution<T>(64, 64, 1, 1).SetName("conv2/3x3_reduce"))
            .Add(new ReLU<T>(ip: true))
            .Add(new SpatialConvolution<T>(64, 192, 3, 3, 1, 1, 1, 1).SetName("conv2/3x3"))
            .Add(new ReLU<T>(ip: true))
            .Add(new SpatialCrossMapLRN<T>(5, 0.0001, 0.75))
            .Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        int planes = 192;
        for (int i = 0; i < Blocks.Length; i++)
        {
            model.Add(InceptionBlock<T>(planes, Blocks[i]));
            planes = Blocks[i].Output;
            if (i is 1 or 6) model.Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        }
        return model
            .Add(new SpatialAveragePooling<T>(7, 7, 1, 1))
            .Add(new Dropout<T>(0.4))
            .Add(new View<T>(1024).SetNumInputDims(3))
            .Add(new Linear<T>(1024, classNum))
            .Add(new LogSoftMax<T>());
    }

    private static Concat<T> InceptionBlock<T>(int input, Block b) where T : unmanaged, IFloatingPointIeee754<T> => new Concat<T>(1)
        .Add(new Sequential<T>().Add(new SpatialConvolution<T>(input, b.C1, 1, 1)).Add(new ReLU<T>(ip: true)))
        .Add(new Sequential<T>()
            .Add(new SpatialConvolution<T>(input, b.C3Reduce, 1, 1)).Add(new ReLU<T>(ip: true))
            .Add(new SpatialConvolution<T>(b.C3Reduce, b.C3, 3, 3, 1, 1, 1, 1)).Add(new ReLU<T>(ip: true)))
        .Add(new Sequential<T>()
            .Add(new SpatialConvolution<T>(input, b.C5Reduce, 1, 1)).Add(new ReLU<T>(ip: true))
            .Add(new SpatialConvolution<T>(b.C5Reduce, b.C5, 5, 5, 1, 1, 2, 2)).Add(new ReLU<T>(ip: true)))
        .Add(new Sequential<T>()
            .Add(new SpatialMaxPooling<T>(3, 3, 1, 1, 1, 1).Ceil())
            .Add(new SpatialConvolution<T>(input, b.Pool, 1, 1)).Add(new ReLU<T>(ip: true)));
}
