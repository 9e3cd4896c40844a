using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>How a residual block's shortcut changes the number of planes (BigDL's <c>ShortcutType</c>).</summary>
public enum ShortcutType
{
    /// <summary>Identity; when planes grow, stride by average pooling and pad the new planes with zeros (no parameters).</summary>
    A,

    /// <summary>Identity, or a 1×1 convolution + batch normalisation when the planes change.</summary>
    B,

    /// <summary>Always a 1×1 convolution + batch normalisation.</summary>
    C,
}

/// <summary>BigDL's residual networks: for CIFAR-10 (depth 20, 32, 44, 56, 110) and ImageNet (18, 34, 50, 101, 152).</summary>
/// <remarks>
/// As BigDL's <c>models/resnet/ResNet.scala</c>: blocks are Sequential(ConcatTable(residual, shortcut), CAddTable,
/// ReLU); convolutions carry a bias as BigDL's do; CIFAR models end in Linear(64, classNum), ImageNet models in
/// Linear(512·expansion, classNum), both without LogSoftMax (train with <see cref="CrossEntropyCriterion{T}"/>).
/// BigDL's "optnet" buffer sharing is not needed here: each convolution's im2col buffer is bounded (8 MB of floats).
/// </remarks>
public static class ResNet
{
    /// <summary>ResNet for 3×32×32 CIFAR-10 images: depth = 6n + 2 with n basic blocks per stage (16, 32, 64 planes).</summary>
    /// <param name="classNum">Number of classes.</param>
    /// <param name="depth">20, 32, 44, 56 or 110 (any 6n + 2).</param>
    /// <param name="shortcutType">How shortcuts grow the planes (BigDL's CIFAR default: A).</param>
    public static Sequential<T> Cifar10<T>(int classNum, int depth = 20, ShortcutType shortcutType = ShortcutType.A) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        if (depth < 8 || (depth - 2) % 6 != 0) throw new ArgumentOutOfRangeException(nameof(depth), depth, "CIFAR ResNet depth must be 6n + 2 (20, 32, 44, 56, 110)");
        int n = (depth - 2) / 6;
        var builder = new Builder<T>(shortcutType, 16);
        var model = new Sequential<T>()
            .Add(new SpatialConvolution<T>(3, 16, 3, 3, 1, 1, 1, 1))
            .Add(new SpatialBatchNormalization<T>(16))
            .Add(new ReLU<T>(ip: true));
        builder.Stage(model, 16, n, 1, bottleneck: false);
        builder.Stage(model, 32, n, 2, bottleneck: false);
        builder.Stage(model, 64, n, 2, bottleneck: false);
        return model
            .Add(new SpatialAveragePooling<T>(8, 8, 1, 1))
            .Add(new View<T>(64).SetNumInputDims(3))
            .Add(new Linear<T>(64, classNum));
    }

    /// <summary>ResNet for 3×224×224 ImageNet images: basic blocks for depth 18 and 34, bottlenecks for 50, 101, 152.</summary>
    /// <param name="classNum">Number of classes.</param>
    /// <param name="depth">18, 34, 50, 101 or 152.</param>
    /// <param name="shortcutType">How shortcuts grow the planes (BigDL's ImageNet default: B).</param>
    public static Sequential<T> ImageNet<T>(int classNum, int depth = 50, ShortcutType shortcutType = ShortcutType.B) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        (int[] Blocks, bool Bottleneck) config = depth switch
        {
            18 => (new[] { 2, 2, 2, 2 }, false),
            34 => (new[] { 3, 4, 6, 3 }, false),
            50 => (new[] { 3, 4, 6, 3 }, true),
            101 => (new[] { 3, 4, 23, 3 }, true),
            152 => (new[] { 3, 8, 36, 3 }, true),
            _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "ImageNet ResNet depth must be 18, 34, 50, 101 or 152"),
        };
        var (blocks, bottleneck) = config;
        var builder = new Builder<T>(shortcutType, 64);
        var model = new Sequential<T>()
            .Add(new SpatialConvolution<T>(3, 64, 7, 7, 2, 2, 3, 3))
            .Add(new SpatialBatchNormalization<T>(64))
            .Add(new ReLU<T>(ip: true))
            .Add(new SpatialMaxPooling<T>(3, 3, 2, 2, 1, 1));
        int[] planes = [64, 128, 256, 512];
        for (int stage = 0; stage < 4; stage++) builder.Stage(model, planes[stage], blocks[stage], stage == 0 ? 1 : 2, bottleneck);
        int features = 512 * (bottleneck ? 4 : 1);
        return model
            .Add(new SpatialAveragePooling<T>(7, 7, 1, 1))
            .Add(new View<T>(features).SetNumInputDims(3))
            .Add(new Linear<T>(features, classNum));
    }

    /// <summary>Builds stages of residual blocks, tracking the current number of planes.</summary>
    private sealed class Builder<T>(ShortcutType shortcutType, int planes) where T : unmanaged, IFloatingPointIeee754<T>
    {
        private int _planes = planes;

        public void Stage(Sequential<T> model, int width, int count, int stride, bool bottleneck)
        {
            for (int i = 0; i < count; i++) model.Add(bottleneck ? Bottleneck(width, i == 0 ? stride : 1) : Basic(width, i == 0 ? stride : 1));
        }

        private Sequential<T> Basic(int width, int stride)
        {
            int input = _planes;
            _planes = width;
            var residual = new Sequential<T>()
                .Add(new SpatialConvolution<T>(input, width, 3, 3, stride, stride, 1, 1))
                .Add(new SpatialBatchNormalization<T>(width))
                .Add(new ReLU<T>(ip: true))
                .Add(new SpatialConvolution<T>(width, width, 3, 3, 1, 1, 1, 1))
                .Add(new SpatialBatchNormalization<T>(width));
            return Join(residual, Shortcut(input, width, stride));
        }

        private Sequential<T> Bottleneck(int width, int stride)
        {
            int input = _planes, output = width * 4;
            _planes = output;
            var residual = new Sequential<T>()
                .Add(new SpatialConvolution<T>(input, width, 1, 1, 1, 1, 0, 0))
                .Add(new SpatialBatchNormalization<T>(width))
                .Add(new ReLU<T>(ip: true))
                .Add(new SpatialConvolution<T>(width, width, 3, 3, stride, stride, 1, 1))
                .Add(new SpatialBatchNormalization<T>(width))
                .Add(new ReLU<T>(ip: true))
                .Add(new SpatialConvolution<T>(width, output, 1, 1, 1, 1, 0, 0))
                .Add(new SpatialBatchNormalization<T>(output));
            return Join(residual, Shortcut(input, output, stride));
        }

        private static Sequential<T> Join(Module<T> residual, Module<T> shortcut) => new Sequential<T>()
            .Add(new ConcatTable<T>().Add(residual).Add(shortcut))
            .Add(new CAddTable<T>(inplace: true))
            .Add(new ReLU<T>(ip: true));

        private Module<T> Shortcut(int input, int output, int stride)
        {
            bool convolution = shortcutType == ShortcutType.C || (shortcutType == ShortcutType.B && input != output);
            if (convolution)
                return new Sequential<T>()
                    .Add(new SpatialConvolution<T>(input, output, 1, 1, stride, stride))
                    .Add(new SpatialBatchNormalization<T>(output));
            if (input == output && stride == 1) return new Identity<T>();
            if (input == output) return new SpatialAveragePooling<T>(1, 1, stride, stride);
            return new Sequential<T>()
                .Add(new SpatialAveragePooling<T>(1, 1, stride, stride))
                .Add(new Concat<T>(1).Add(new Identity<T>()).Add(new MulConstant<T>(0)));
        }
    }
}
