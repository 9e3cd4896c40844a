using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Dense;

public class LinearTests
{
    private static Linear<double> HandSet() => new(3, 2,
        initWeight: new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3), initBias: new Tensor<double>([7, 8], 2));

    [Fact]
    public void Forward_Vector_MatchesHandComputedValues()
    {
        var output = HandSet().Forward(new Tensor<double>([0.1, 0.2, 0.3], 3));
        Assert.Equal([2], output.Size());
        Assert.Equal(1 * 0.1 + 2 * 0.2 + 3 * 0.3 + 7, output[0], 12);
        Assert.Equal(4 * 0.1 + 5 * 0.2 + 6 * 0.3 + 8, output[1], 12);
    }

    [Fact]
    public void Forward_Batch_EachRowIsTheVectorResult()
    {
        var layer = HandSet();
        var batch = new Tensor<double>([0.1, 0.2, 0.3, -1, 0, 2], 2, 3);
        var output = layer.Forward(batch).Clone();
        Assert.Equal([2, 2], output.Size());
        for (int row = 0; row < 2; row++)
        {
            var single = layer.Forward(batch.Select(0, row).Clone());
            Assert.True(single.AlmostEqual(output.Select(0, row), 1e-12));
        }
        Assert.Equal(-1 * 1 + 0 + 2 * 3 + 7, output[1, 0], 12);
    }

    [Fact]
    public void Backward_Batch_GradientsMatchHandComputedValues()
    {
        var layer = HandSet();
        var input = new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3);
        layer.Forward(input);
        var gradOutput = new Tensor<double>([1, 0, 0, 1], 2, 2);
        var gradInput = layer.Backward(input, gradOutput);
        Assert.True(gradInput.AlmostEqual(new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3), 1e-12));
        Assert.True(layer.GradWeight.AlmostEqual(new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3), 1e-12));
        Assert.True(layer.GradBias!.AlmostEqual(new Tensor<double>([1, 1], 2), 1e-12));
    }

    [Fact]
    public void Backward_ScaleW_ScalesOnlyTheWeightGradient()
    {
        var layer = HandSet();
        layer.SetScaleW(0.5).SetScaleB(2);
        var input = new Tensor<double>([1, 2, 3], 3);
        layer.Forward(input);
        layer.Backward(input, new Tensor<double>([1, 1], 2));
        Assert.Equal(0.5 * 3, layer.GradWeight[0, 2], 12);
        Assert.Equal(2, layer.GradBias![1], 12);
    }

    [Fact]
    public void Forward_WrongFeatureSize_ThrowsNamingLayerAndShapes()
    {
        var layer = new Linear<double>(784, 10).SetName("fc1");
        var e = Assert.Throws<LayerException>(() => ((Linear<double>)layer).Forward(new Tensor<double>(128, 28, 28)));
        Assert.Contains("nn.Linear(784 -> 10) 'fc1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("[784] or [N, 784]", e.Message, StringComparison.Ordinal);
        Assert.Contains("[128, 28, 28]", e.Message, StringComparison.Ordinal);
        Assert.Equal("input", e.ParamName);
    }

    [Fact]
    public void Reset_DefaultInit_IsUniformWithinOneOverSqrtFanIn()
    {
        RandomGenerator.Default.SetSeed(1);
        var layer = new Linear<double>(100, 50);
        double bound = 1 / Math.Sqrt(100);
        Assert.True(layer.Weight.Max() <= bound && layer.Weight.Min() >= -bound);
        Assert.True(layer.Weight.Max() > 0.9 * bound && layer.Weight.Min() < -0.9 * bound, "5000 draws should reach near both bounds");
        Assert.True(layer.Bias!.Max() <= bound);
    }

    [Fact]
    public void Reset_SameSeed_SameWeights()
    {
        RandomGenerator.Default.SetSeed(42);
        var a = new Linear<float>(8, 4);
        RandomGenerator.Default.SetSeed(42);
        var b = new Linear<float>(8, 4);
        Assert.True(a.Weight.AlmostEqual(b.Weight, 0));
        Assert.True(a.Bias!.AlmostEqual(b.Bias!, 0));
    }

    [Fact]
    public void Reset_KeepsUserGivenInitialWeights()
    {
        var layer = HandSet();
        layer.Weight.Fill(0);
        layer.Reset();
        Assert.Equal(6, layer.Weight[1, 2]);
        Assert.Equal(8, layer.Bias![1]);
    }

    [Fact]
    public void Forward_Float_AgreesWithDouble()
    {
        RandomGenerator.Default.SetSeed(5);
        var d = new Linear<double>(7, 3);
        var f = new Linear<float>(7, 3, initWeight: Convert(d.Weight), initBias: Convert(d.Bias!));
        var x = CaseData.Uniform(3, 4, 7);
        var yd = d.Forward(x);
        var yf = f.Forward(Convert(x));
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 3; j++)
                Assert.Equal(yd[i, j], yf[i, j], 5);
    }

    [Fact]
    public void ToString_ShowsSizesAndMissingBias()
    {
        Assert.Equal("nn.Linear(784 -> 10)", new Linear<float>(784, 10).ToString());
        Assert.Equal("nn.Linear(4 -> 2, without bias)", new Linear<float>(4, 2, withBias: false).ToString());
    }

    private static Tensor<float> Convert(Tensor<double> t)
    {
        var result = new Tensor<float>(t.Size());
        var source = t.Contiguous().AsSpan();
        var target = result.AsSpan();
        for (int i = 0; i < source.Length; i++) target[i] = (float)source[i];
        return result;
    }
}
