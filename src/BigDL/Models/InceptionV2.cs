using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>BN-Inception (Inception v2) for 3×224×224 images, as BigDL's <c>Inception_v2_NoAuxClassifier</c>.</summary>
/// <remarks>
/// Every convolution is followed by SpatialBatchNormalization(eps 1e-3) and ReLU. Stem: 7×7/2 convolution (no input
/// gradient), 3×3/2 ceil max pooling, 1×1 and 3×3 convolutions, pooling; ten Inception blocks (3a–5b), each a Concat
/// along channels of a 1×1 branch (absent in the down-sampling blocks 3c and 4e), a 1×1→3×3 branch, a 1×1→3×3→3×3
/// branch and a pooling branch (average or max, with a 1×1 projection except in 3c and 4e, where it is a 3×3/2 max
/// pooling and the 3×3 convolutions stride 2); then 7×7 average pooling, View(1024), Linear(1024, classNum), LogSoftMax.
/// </remarks>
public static class InceptionV2
{
    /// <summary>One block: 1×1 width (0: none), 3×3 reduce and width, double-3×3 reduce and width, max pooling or not, projection width (0: none, a down-sampling block).</summary>
    internal readonly record struct Block(int C1, int C3Reduce, int C3, int D3Reduce, int D3, bool MaxPool, int Projection)
    {
        public bool DownSampling => Projection == 0;

        public int Output(int input) => C1 + C3 + D3 + (DownSampling ? input : Projection);
    }

    internal static readonly Block[] Blocks =
    [
        new(64, 64, 64, 64, 96, false, 32), new(64, 64, 96, 64, 96, false, 64), new(0, 128, 160, 64, 96, true, 0),
        new(224, 64, 96, 96, 128, false, 128), new(192, 96, 128, 96, 128, false, 128), new(160, 128, 160, 128, 160, false, 96),
        new(96, 128, 192, 160, 192, false, 96), new(0, 128, 192, 192, 256, true, 0),
        new(352, 192, 320, 160, 224, false, 128), new(352, 192, 320, 192, 224, true, 128),
    ];

    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Create<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        var model = new Sequential<T>();
        ConvBnRelu(model, new SpatialConvolution<T>(3, 64, 7, 7, 2, 2, 3, 3, propagateBack: false).SetName("conv1/7x7_s2"), 64);
        model.Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        ConvBnRelu(model, new SpatialConvolution<T>(64, 64, 1, 1), 64);
        ConvBnRelu(model, new SpatialConvolution<T>(64, 192, 3, 3, 1, 1, 1, 1), 192);
        model.Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        int planes = 192;
        foreach (var block in Blocks)
        {
            model.Add(InceptionBlock<T>(planes, block));
            planes = block.Output(planes);
        }
        return model
            .Add(new SpatialAveragePooling<T>(7, 7, 1, 1, ceilMode: true))
            .Add(new View<T>(1024).SetNumInputDims(3))
            .Add(new Linear<T>(1024, classNum))
            .Add(new LogSoftMax<T>());
    }

    private static Sequential<T> ConvBnRelu<T>(Sequential<T> into, Module<T> convolution, int planes) where T : unmanaged, IFloatingPointIeee754<T> =>
        into.Add(convolution).Add(new SpatialBatchNormalization<T>(planes, 1e-3)).Add(new ReLU<T>(ip: true));

    private static Concat<T> InceptionBlock<T>(int input, Block b) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int stride = b.DownSampling ? 2 : 1;
        var concat = new Concat<T>(1);
        if (b.C1 > 0) concat.Add(ConvBnRelu(new Sequential<T>(), new SpatialConvolution<T>(input, b.C1, 1, 1), b.C1));
        var branch3 = ConvBnRelu(new Sequential<T>(), new SpatialConvolution<T>(input, b.C3Reduce, 1, 1), b.C3Reduce);
        concat.Add(ConvBnRelu(branch3, new SpatialConvolution<T>(b.C3Reduce, b.C3, 3, 3, stride, stride, 1, 1), b.C3));
        var double3 = ConvBnRelu(new Sequential<T>(), new SpatialConvolution<T>(input, b.D3Reduce, 1, 1), b.D3Reduce);
        ConvBnRelu(double3, new SpatialConvolution<T>(b.D3Reduce, b.D3, 3, 3, 1, 1, 1, 1), b.D3);
        concat.Add(ConvBnRelu(double3, new SpatialConvolution<T>(b.D3, b.D3, 3, 3, stride, stride, 1, 1), b.D3));
        var pool = new Sequential<T>();
        if (b.DownSampling) pool.Add(new SpatialMaxPooling<T>(3, 3, 2, 2).Ceil());
        else if (b.MaxPool) pool.Add(new SpatialMaxPooling<T>(3, 3, 1, 1, 1, 1).Ceil());
        else pool.Add(new SpatialAveragePooling<T>(3, 3, 1, 1, 1, 1, ceilMode: true));
        if (!b.DownSampling) ConvBnRelu(pool, new SpatialConvolution<T>(input, b.Projection, 1, 1), b.Projection);
        return concat.Add(pool);
    }
}
