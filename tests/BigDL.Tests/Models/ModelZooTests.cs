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

    [Theory]
    [InlineData(20, ShortcutType.A)]
    [InlineData(32, ShortcutType.B)]
    public void ResNetCifar10_HasHandCountedParameters(int depth, ShortcutType shortcut)
    {
        // 3x3 convolutions with bias and a 2-parameter batch norm per plane; stages of n blocks at 16, 32, 64 planes.
        int n = (depth - 2) / 6;
        static long Conv(int cin, int cout, int k) => (long)cin * cout * k * k + cout;
        long expected = Conv(3, 16, 3) + 2 * 16;
        int planes = 16;
        foreach (int width in new[] { 16, 32, 64 })
            for (int block = 0; block < n; block++)
            {
                expected += Conv(planes, width, 3) + 2 * width + Conv(width, width, 3) + 2 * width;
                if (shortcut == ShortcutType.B && planes != width) expected += Conv(planes, width, 1) + 2 * width;
                planes = width;
            }
        expected += 64 * 10 + 10;
        Assert.Equal(expected, ResNet.Cifar10<float>(10, depth, shortcut).ParameterCount());
    }

    [Fact]
    public void ResNet18_ImageNet_MatchesTheKnownCountPlusConvolutionBiases()
    {
        // 11,689,512 is ResNet-18's well-known count with bias-free convolutions; BigDL's convolutions add one bias per
        // output plane: stem 64, stage 1 4x64, stage 2 4x128 + 128 (projection), stage 3 4x256 + 256, stage 4 4x512 + 512.
        long biases = 64 + 4 * 64 + 5 * 128 + 5 * 256 + 5 * 512;
        Assert.Equal(11_689_512 + biases, ResNet.ImageNet<float>(1000, 18).ParameterCount());
    }

    [Fact]
    public void ResNet50_ImageNet_MatchesTheKnownCountPlusConvolutionBiases()
    {
        // 25,557,032 with bias-free convolutions; biases: stem 64, then per bottleneck width + width + 4·width, plus projections.
        long biases = 64;
        int[] blocks = [3, 4, 6, 3];
        int[] widths = [64, 128, 256, 512];
        for (int s = 0; s < 4; s++) biases += blocks[s] * 6L * widths[s] + 4L * widths[s];
        Assert.Equal(25_557_032 + biases, ResNet.ImageNet<float>(1000, 50).ParameterCount());
    }

    [Fact]
    public void ResNet20_ForwardBackward_OnASmallBatch()
    {
        RandomGenerator.Default.SetSeed(5);
        var model = ResNet.Cifar10<float>(10, 20);
        var x = Tensor<float>.Randn(new RandomGenerator(6), 2, 3, 32, 32);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([2, 10], y.Size());
        var criterion = new CrossEntropyCriterion<float>();
        var labels = new Tensor<float>([3, 7], 2);
        criterion.Forward(y, labels);
        var gradInput = (Tensor<float>)model.Backward(x, criterion.Backward(y, labels));
        Assert.Equal([2, 3, 32, 32], gradInput.Size());
        Assert.True(float.IsFinite(gradInput.Sum()));
    }

    [Fact]
    public void Vgg16_HasTheKnownParameterCount_Vgg19AddsThreeConvolutions()
    {
        var model = Vgg.Vgg16<float>(1000);
        long vgg16 = model.ParameterCount();
        Assert.Equal(138_357_544, vgg16);
        var x = Tensor<float>.Randn(new RandomGenerator(4), 1, 3, 224, 224);
        Assert.Equal([1, 1000], ((Tensor<float>)model.Forward(x)).Size());
        Assert.Equal([1, 3, 224, 224], ((Tensor<float>)model.Backward(x, Tensor<float>.Ones(1, 1000).Mul(-1e-3f))).Size());
        // VGG-19 has one more 256->256 convolution (block 3) and one more 512->512 in each of blocks 4 and 5.
        Assert.Equal(vgg16 + (256L * 256 * 9 + 256) + 2 * (512L * 512 * 9 + 512), Vgg.Vgg19<float>(1000).ParameterCount());
    }

    [Fact]
    public void Autoencoder_ReconstructsTheInputShape()
    {
        var model = Autoencoder.Create<float>(32);
        Assert.Equal(784L * 32 + 32 + 32 * 784 + 784, model.ParameterCount());
        var x = Tensor<float>.Rand(new RandomGenerator(1), 3, 28, 28);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([3, 784], y.Size());
        var criterion = new MSECriterion<float>();
        criterion.Forward(y, x.View(3, 784));
        Assert.Equal([3, 28, 28], ((Tensor<float>)model.Backward(x, criterion.Backward(y, x.View(3, 784)))).Size());
    }

    [Fact]
    public void SimpleRnn_PredictsADistributionPerStep()
    {
        RandomGenerator.Default.SetSeed(7);
        var model = SimpleRnn.Create<double>(inputSize: 20, hiddenSize: 8, outputSize: 20);
        Assert.Equal(20L * 8 + (8 * 8 + 8) * 2 + 8 * 20 + 20, model.ParameterCount());
        var words = new Tensor<double>([1, 5, 19, 0, 3, 3, 7, 2], 2, 4);
        var y = (Tensor<double>)model.Forward(words);
        Assert.Equal([2, 4, 20], y.Size());
        Assert.Equal(1, y.Select(0, 1).Select(0, 2).Clone().Exp().Sum(), 10);
        var criterion = new ClassNLLCriterion<double>();
        var flat = y.View(8, 20);
        var next = new Tensor<double>([5, 19, 0, 4, 3, 7, 2, 1], 8);
        criterion.Forward(flat, next);
        model.Backward(words, criterion.Backward(flat, next).View(2, 4, 20));
        Assert.NotEqual(0, model.GetParameters().Gradients.Abs().Sum());
    }

    [Fact]
    public void TextClassifier_OnBigDLsSequenceLength()
    {
        var model = TextClassifier.Create<float>(classNum: 20, embeddingDim: 50, sequenceLength: 1000);
        Assert.Contains("nn.SpatialMaxPooling(35, 1, 35, 1, 0, 0)", model.ToString(), StringComparison.Ordinal);
        Assert.Equal(50L * 128 * 5 + 128 + 2 * (128L * 128 * 5 + 128) + 128 * 100 + 100 + 100 * 20 + 20, model.ParameterCount());
        var x = Tensor<float>.Randn(new RandomGenerator(2), 2, 1000, 50);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([2, 20], y.Size());
        Assert.Equal([2, 1000, 50], ((Tensor<float>)model.Backward(x, Tensor<float>.Ones(2, 20))).Size());
    }

    [Fact]
    public void InceptionV1_HasTheCountOfItsPublishedTable_AndClassifiesA224Image()
    {
        // GoogLeNet's table 1 (Szegedy et al. 2014): #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj for 3a..5b.
        int[][] table =
        [
            [64, 96, 128, 16, 32, 32], [128, 128, 192, 32, 96, 64], [192, 96, 208, 16, 48, 64], [160, 112, 224, 24, 64, 64],
            [128, 128, 256, 24, 64, 64], [112, 144, 288, 32, 64, 64], [256, 160, 320, 32, 128, 128], [256, 160, 320, 32, 128, 128],
            [384, 192, 384, 48, 128, 128],
        ];
        static long Conv(int cin, int cout, int k) => (long)cin * cout * k * k + cout;
        long expected = Conv(3, 64, 7) + Conv(64, 64, 1) + Conv(64, 192, 3);
        int planes = 192;
        foreach (var b in table)
        {
            expected += Conv(planes, b[0], 1) + Conv(planes, b[1], 1) + Conv(b[1], b[2], 3) + Conv(planes, b[3], 1) + Conv(b[3], b[4], 5) + Conv(planes, b[5], 1);
            planes = b[0] + b[2] + b[4] + b[5];
        }
        expected += 1024L * 1000 + 1000;
        var model = InceptionV1.Create<float>(1000);
        Assert.Equal(expected, model.ParameterCount());

        var x = Tensor<float>.Randn(new RandomGenerator(1), 1, 3, 224, 224);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([1, 1000], y.Size());
        Assert.Equal(1, y.Clone().Exp().Sum(), 3);
        model.Backward(x, Tensor<float>.Ones(1, 1000).Mul(-1e-3f));
        Assert.NotEqual(0f, model.GetParameters().Gradients.Abs().Sum());
    }

    [Fact]
    public void InceptionV2_CountFromItsTable_AndShapes()
    {
        // BN-Inception's blocks (Ioffe and Szegedy 2015, table 1): #1x1, #3x3 reduce, #3x3, double #3x3 reduce, double #3x3,
        // pool projection (0: a stride-2 block that passes the pooled input through).
        int[][] table =
        [
            [64, 64, 64, 64, 96, 32], [64, 64, 96, 64, 96, 64], [0, 128, 160, 64, 96, 0], [224, 64, 96, 96, 128, 128],
            [192, 96, 128, 96, 128, 128], [160, 128, 160, 128, 160, 96], [96, 128, 192, 160, 192, 96], [0, 128, 192, 192, 256, 0],
            [352, 192, 320, 160, 224, 128], [352, 192, 320, 192, 224, 128],
        ];
        static long ConvBn(int cin, int cout, int k) => (long)cin * cout * k * k + cout + 2 * cout;
        long expected = ConvBn(3, 64, 7) + ConvBn(64, 64, 1) + ConvBn(64, 192, 3);
        int planes = 192;
        foreach (var b in table)
        {
            if (b[0] > 0) expected += ConvBn(planes, b[0], 1);
            expected += ConvBn(planes, b[1], 1) + ConvBn(b[1], b[2], 3) + ConvBn(planes, b[3], 1) + ConvBn(b[3], b[4], 3) + ConvBn(b[4], b[4], 3);
            if (b[5] > 0) expected += ConvBn(planes, b[5], 1);
            planes = b[0] + b[2] + b[4] + (b[5] > 0 ? b[5] : planes);
        }
        Assert.Equal(1024, planes);
        expected += 1024L * 1000 + 1000;
        var model = InceptionV2.Create<float>(1000);
        Assert.Equal(expected, model.ParameterCount());
        var x = Tensor<float>.Randn(new RandomGenerator(2), 2, 3, 224, 224);
        var y = (Tensor<float>)model.Forward(x);
        Assert.Equal([2, 1000], y.Size());
        model.Backward(x, Tensor<float>.Ones(2, 1000).Mul(-1e-3f));   // the first convolution does not propagate back (as BigDL), so no input gradient
        Assert.NotEqual(0f, model.GetParameters().Gradients.Abs().Sum());
    }

    [Fact]
    public void InceptionV1_WithAuxiliaryClassifiers_AddsTwoHeadsAndConcatenatesThreeDistributions()
    {
        static long Head(int planes, int classes) => (long)planes * 128 + 128 + 2048L * 1024 + 1024 + 1024L * classes + classes;
        long plain = InceptionV1.Create<float>(10).ParameterCount();
        var model = InceptionV1.CreateWithAuxiliaryClassifiers<float>(10);
        Assert.Equal(plain + Head(512, 10) + Head(528, 10), model.ParameterCount());   // heads after 4a (512 planes) and 4d (528)
        var y = (Tensor<float>)model.Evaluate().Forward(Tensor<float>.Randn(new RandomGenerator(3), 1, 3, 224, 224));
        Assert.Equal([1, 30], y.Size());
        for (int head = 0; head < 3; head++) Assert.Equal(1, y.Narrow(1, head * 10, 10).Clone().Exp().Sum(), 3);
    }
}
