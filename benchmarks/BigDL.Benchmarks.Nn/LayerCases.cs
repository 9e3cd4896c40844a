using BigDL.NN;
using static TorchSharp.torch.nn;

namespace BigDL.Benchmarks.Nn;

/// <summary>The layers of BigDL's LeNet-5 (batch 128, 1×28×28) and VggForCifar10 (batch 32, 3×32×32) at their shapes.</summary>
internal static class LayerCases
{
    public static IEnumerable<LayerCase> LeNet(int batch = 128) =>
    [
        new("lenet", "SpatialConvolution(1 -> 6, 5x5)", [batch, 1, 28, 28], () => new SpatialConvolution<float>(1, 6, 5, 5), () => Conv2d(1, 6, 5)),
        new("lenet", "Tanh", [batch, 6, 24, 24], () => new Tanh<float>(), () => Tanh()),
        new("lenet", "SpatialMaxPooling(2, 2, 2, 2)", [batch, 6, 24, 24], () => new SpatialMaxPooling<float>(2, 2, 2, 2), () => MaxPool2d(2, 2)),
        new("lenet", "SpatialConvolution(6 -> 12, 5x5)", [batch, 6, 12, 12], () => new SpatialConvolution<float>(6, 12, 5, 5), () => Conv2d(6, 12, 5)),
        new("lenet", "SpatialMaxPooling(2, 2, 2, 2)", [batch, 12, 8, 8], () => new SpatialMaxPooling<float>(2, 2, 2, 2), () => MaxPool2d(2, 2)),
        new("lenet", "Linear(192 -> 100)", [batch, 192], () => new Linear<float>(192, 100), () => Linear(192, 100)),
        new("lenet", "Linear(100 -> 10)", [batch, 100], () => new Linear<float>(100, 10), () => Linear(100, 10)),
        new("lenet", "LogSoftMax", [batch, 10], () => new LogSoftMax<float>(), () => LogSoftmax(1)),
    ];

    public static IEnumerable<LayerCase> Vgg(int batch = 32)
    {
        foreach (var (cin, cout, size) in new[] { (3, 64, 32), (64, 64, 32), (64, 128, 16), (128, 128, 16), (128, 256, 8), (256, 256, 8), (256, 512, 4), (512, 512, 4), (512, 512, 2) })
            yield return new("vgg", $"SpatialConvolution({cin} -> {cout}, 3x3, 1, 1, 1, 1) @{size}x{size}", [batch, cin, size, size],
                () => new SpatialConvolution<float>(cin, cout, 3, 3, 1, 1, 1, 1), () => Conv2d(cin, cout, 3, stride: 1, padding: 1));
        yield return new("vgg", "SpatialBatchNormalization(64, 1e-3)", [batch, 64, 32, 32], () => new SpatialBatchNormalization<float>(64, 1e-3), () => BatchNorm2d(64, eps: 1e-3));
        yield return new("vgg", "ReLU", [batch, 64, 32, 32], () => new ReLU<float>(), () => ReLU());
        yield return new("vgg", "Dropout(0.3)", [batch, 64, 32, 32], () => new Dropout<float>(0.3), () => Dropout(0.3));
        yield return new("vgg", "SpatialMaxPooling(2, 2, 2, 2).Ceil()", [batch, 64, 32, 32], () => new SpatialMaxPooling<float>(2, 2, 2, 2).Ceil(), () => MaxPool2d(2, 2, ceil_mode: true));
        yield return new("vgg", "Linear(512 -> 512)", [batch, 512], () => new Linear<float>(512, 512), () => Linear(512, 512));
        yield return new("vgg", "BatchNormalization(512)", [batch, 512], () => new BatchNormalization<float>(512), () => BatchNorm1d(512));
    }
}
