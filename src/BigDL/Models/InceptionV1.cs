using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>GoogLeNet (Inception v1) for 3×224×224 images, as BigDL's <c>Inception_v1_NoAuxClassifier</c> and <c>Inception_v1</c>.</summary>
/// <remarks>
/// Stem: 7×7/2 convolution (no input gradient, as BigDL), 3×3/2 ceil max pooling, cross-map LRN, 1×1 and 3×3
/// convolutions, LRN, pooling; nine Inception blocks (3a–5b), each a Concat along channels of 1×1, 1×1→3×3, 1×1→5×5 and
/// 3×3 max pooling→1×1 branches with ReLU after every convolution; then 7×7 average pooling, Dropout(0.4),
/// View(1024), Linear(1024, classNum), LogSoftMax. <see cref="CreateWithAuxiliaryClassifiers"/> adds the two auxiliary classifiers.
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

    /// <summary>Builds the model without the auxiliary classifiers: output [N, classNum].</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Create<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var model = Stem<T>();
        AddBlocks(model, 0, Blocks.Length);
        return model.Add(Classifier<T>(classNum));
    }

    /// <summary>
    /// Builds the model with GoogLeNet's two auxiliary classifiers (after blocks 4a and 4d), as BigDL's
    /// <c>Inception_v1</c>: output [N, 3·classNum], the log-probabilities of the main classifier, then of the
    /// classifier after 4d, then after 4a (train with a loss on each third; predict from the first).
    /// </summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> CreateWithAuxiliaryClassifiers<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var feature1 = Stem<T>();
        AddBlocks(feature1, 0, 3);                     // 3a, 3b, pooling, 4a
        var feature2 = new Sequential<T>();
        AddBlocks(feature2, 3, 6);                     // 4b, 4c, 4d
        var output3 = new Sequential<T>();
        AddBlocks(output3, 6, Blocks.Length);          // 4e, pooling, 5a, 5b
        output3.Add(Classifier<T>(classNum));
        var main = new Sequential<T>().Add(feature2).Add(new Concat<T>(1).Add(output3).Add(Auxiliary<T>(Blocks[5].Output, classNum)));
        return feature1.Add(new Concat<T>(1).Add(main).Add(Auxiliary<T>(Blocks[2].Output, classNum)));
    }

    private static Sequential<T> Stem<T>() where T : unmanaged, IFloatingPointIeee754<T> => new Sequential<T>()
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

    /// <summary>Adds blocks [from, to), with the max pooling that follows 3b and 4e.</summary>
    private static void AddBlocks<T>(Sequential<T> model, int from, int to) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = from; i < to; i++)
        {
            model.Add(InceptionBlock<T>(i == 0 ? 192 : Blocks[i - 1].Output, Blocks[i]));
            if (i is 1 or 6) model.Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        }
    }

    private static Sequential<T> Classifier<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T> => new Sequential<T>()
        .Add(new SpatialAveragePooling<T>(7, 7, 1, 1))
        .Add(new Dropout<T>(0.4))
        .Add(new View<T>(1024).SetNumInputDims(3))
        .Add(new Linear<T>(1024, classNum))
        .Add(new LogSoftMax<T>());

    /// <summary>An auxiliary classifier on 14×14 features: 5×5/3 average pooling, 1×1 convolution to 128, two linear layers.</summary>
    private static Sequential<T> Auxiliary<T>(int planes, int classNum) where T : unmanaged, IFloatingPointIeee754<T> => new Sequential<T>()
        .Add(new SpatialAveragePooling<T>(5, 5, 3, 3, ceilMode: true))
        .Add(new SpatialConvolution<T>(planes, 128, 1, 1))
        .Add(new ReLU<T>(ip: true))
        .Add(new View<T>(128 * 4 * 4).SetNumInputDims(3))
        .Add(new Linear<T>(128 * 4 * 4, 1024))
        .Add(new ReLU<T>(ip: true))
        .Add(new Dropout<T>(0.7))
        .Add(new Linear<T>(1024, classNum))
        .Add(new LogSoftMax<T>());

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
