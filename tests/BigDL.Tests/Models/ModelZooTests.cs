using BigDL.Tests.NN;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.Models;

public class ModelZooTests
{
    [Fact]
    public void LeNet5_HasHandCountedParameters()
    {
        // conv1 6·1·5·5 + 6, conv2 12·6·5·5 + 12, fc1 192·100 + 100, fc2 100·10 + 10
        long expected = 6 * 25 + 6 + 12 * 6 * 25 + 12 + 192 * 100 + 100 + 100 * 10 + 10;
        Assert.Equal(22_278, expected);
        Assert.Equal(expected, LeNet5.Create<float>(10).ParameterCount());
    }

    [Fact]
    public void LeNet5_ForwardBackward_OnABatchOfFlatImages()
    {
        RandomGenerator.Default.SetSeed(1);
        var model = LeNet5.Create<double>(10);
        var x = CaseData.Uniform(1, 4, 784);
        var y = (Tensor<double>)model.Forward(x);
        Assert.Equal([4, 10], y.Size());
        Assert.True(y.Clone().Exp().Sum(1).AlmostEqual(Tensor<double>.Ones(4, 1), 1e-12), "LogSoftMax rows are log-probabilities");
        var criterion = new ClassNLLCriterion<double>();
        var labels = CaseData.Labels(2, 4, 10);
        criterion.Forward(y, labels);
        var gradInput = (Tensor<double>)model.Backward(x, criterion.Backward(y, labels));
        Assert.Equal([4, 784], gradInput.Size());
        Assert.NotEqual(0, model.GetParameters().Gradients.Abs().Sum());
    }

    [Fact]
    public void LeNet5_PrintsBigDLArchitecture()
    {
        string text = LeNet5.Create<float>(10).ToString();
        Assert.StartsWith("nn.Sequential {\n  [input -> (0) -> (1) -> (2) -> (3) -> (4) -> (5) -> (6) -> (7) -> (8) -> (9) -> (10) -> (11) -> output]", text, StringComparison.Ordinal);
        Assert.Contains("(1): nn.SpatialConvolution(1 -> 6, 5x5, 1, 1, 0, 0)", text, StringComparison.Ordinal);
        Assert.Contains("(8): nn.Linear(192 -> 100)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VggForCifar10_ParameterCountAndShapes()
    {
        // Convolutions: Σ cin·cout·9 + cout; batch norms: 2·c each; classifier 512·512+512, BN 2·512, 512·10+10.
        (int In, int Out)[] convs = [(3, 64), (64, 64), (64, 128), (128, 128), (128, 256), (256, 256), (256, 256),
            (256, 512), (512, 512), (512, 512), (512, 512), (512, 512), (512, 512)];
        long expected = convs.Sum(c => (long)c.In * c.Out * 9 + c.Out + 2 * c.Out) + 512 * 512 + 512 + 2 * 512 + 512 * 10 + 10;
        var model = VggForCifar10.Create<float>(10);
        Assert.Equal(expected, model.ParameterCount());
        Assert.Equal(13 + 13 + 13 + 5 + 10 + 1 + 5, model.Modules.Count);   // conv, BN, ReLU, pools, dropouts, view, classifier
        Assert.Equal(model.Modules.Count - 10, VggForCifar10.Create<float>(10, hasDropout: false).Modules.Count);
    }

    [Fact]
    public void VggForCifar10_ForwardBackward_OnASmallBatch()
    {
        RandomGenerator.Default.SetSeed(3);
        var model = VggForCifar10.Create<float>(10);
        var x = Tensor<float>.Randn(new RandomGenerator(4), 2, 3, 32, 32);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([2, 10], y.Size());
        var gradInput = (Tensor<float>)model.Backward(x, Tensor<float>.Ones(2, 10).Mul(0.1f));
        Assert.Equal([2, 3, 32, 32], gradInput.Size());
        model.Evaluate();
        Assert.Equal([1, 10], ((Tensor<float>)model.Forward(x.Narrow(0, 0, 1))).Size());
    }
}
