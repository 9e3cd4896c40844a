using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN;

/// <summary>
/// Training steps of the hot layers reuse their buffers: once warmed up, a forward + backward step allocates only
/// small bookkeeping objects (parallel-loop closures), far less than any of the layer's buffers would take.
/// </summary>
[Collection(ProcessWideSettings.Name)] // measures the whole process's allocations: runs alone
public class SteadyStateAllocationTests
{
    /// <summary>Bytes a step may allocate: well below every buffer of the cases below (each at least 256 KB).</summary>
    private const long Allowance = 64 * 1024;

    public static TheoryData<string> Layers => new() { "Linear", "SpatialConvolution", "SpatialConvolution groups", "SpatialConvolution stride 2", "SpatialConvolution Winograd", "SpatialConvolution few planes", "SpatialMaxPooling", "ReLU", "SpatialBatchNormalization" };

    [Theory]
    [MemberData(nameof(Layers))]
    public void TrainingStep_AfterWarmUp_AllocatesNoBuffers(string name)
    {
        var (layer, input) = Case(name);
        var gradOutput = ((Tensor<float>)layer.Forward(input)).Clone();
        for (int i = 0; i < 3; i++) Step(layer, input, gradOutput);

        long before = GC.GetTotalAllocatedBytes(precise: true);
        const int Steps = 4;
        for (int i = 0; i < Steps; i++) Step(layer, input, gradOutput);
        long perStep = (GC.GetTotalAllocatedBytes(precise: true) - before) / Steps;

        Assert.True(perStep < Allowance, $"{name}: {perStep} bytes allocated per step after warm-up (allowed {Allowance})");
    }

    private static void Step(Module<float> layer, Tensor<float> input, Tensor<float> gradOutput)
    {
        layer.Forward(input);
        layer.ZeroGradParameters();
        layer.Backward(input, gradOutput);
    }

    private static (Module<float> Layer, Tensor<float> Input) Case(string name)
    {
        var random = new RandomGenerator(7);
        return name switch
        {
            "Linear" => (new Linear<float>(512, 512), Tensor<float>.Randn(random, 128, 512)),
            "SpatialConvolution" => (new SpatialConvolution<float>(16, 32, 5, 5, 1, 1, 2, 2), Tensor<float>.Randn(random, 8, 16, 16, 16)), // the direct path (5x5)
            "SpatialConvolution groups" => (new SpatialConvolution<float>(16, 32, 3, 3, 1, 1, 1, 1, nGroup: 2), Tensor<float>.Randn(random, 8, 16, 16, 16)),
            "SpatialConvolution Winograd" => (new SpatialConvolution<float>(32, 32, 3, 3, 1, 1, 1, 1), Tensor<float>.Randn(random, 8, 32, 16, 16)),
            "SpatialConvolution few planes" => (new SpatialConvolution<float>(4, 16, 3, 3, 1, 1, 1, 1), Tensor<float>.Randn(random, 16, 4, 64, 64)),
            "SpatialConvolution stride 2" => (new SpatialConvolution<float>(16, 32, 3, 3, 2, 2, 1, 1), Tensor<float>.Randn(random, 16, 16, 32, 32)),
            "SpatialMaxPooling" => (new SpatialMaxPooling<float>(2, 2, 2, 2), Tensor<float>.Randn(random, 16, 16, 32, 32)),
            "ReLU" => (new ReLU<float>(), Tensor<float>.Randn(random, 16, 16, 32, 32)),
            "SpatialBatchNormalization" => (new SpatialBatchNormalization<float>(16), Tensor<float>.Randn(random, 16, 16, 32, 32)),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
    }
}
