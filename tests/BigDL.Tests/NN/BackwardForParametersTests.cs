using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN;

/// <summary>
/// The training loop's backward, which discards the model's input gradient: the same parameter gradients as Backward,
/// without computing the input gradient of leading parameterless layers and of a first Linear or convolution.
/// </summary>
public class BackwardForParametersTests
{
    [Fact]
    public void LeNet5_GivesTheParameterGradientsOfBackwardAndSkipsTheFirstConvolutionsInputGradient()
    {
        RandomGenerator.Default.SetSeed(3);
        var full = LeNet5.Create<double>(10);
        var partial = (Sequential<double>)full.CloneModule();
        var input = Tensor<double>.Randn(new RandomGenerator(4), 6, 784);
        var gradOutput = Tensor<double>.Randn(new RandomGenerator(5), 6, 10);

        full.Forward(input);
        full.Backward(input, gradOutput);
        partial.Forward(input);
        partial.BackwardForParameters(input, gradOutput);

        var expected = full.GetParameters().Gradients;
        var actual = partial.GetParameters().Gradients;
        Assert.True(expected.AlmostEqual(actual, 1e-12), "parameter gradients differ");
        var conv = (SpatialConvolution<double>)partial.Modules[1];
        Assert.True(conv.GradInput.IsEmpty, "the first convolution computed an input gradient nobody reads");
        Assert.False(((SpatialConvolution<double>)full.Modules[1]).GradInput.IsEmpty);
    }

    [Fact]
    public void LayerWhoseWeightGradientNeedsItsBackward_StillRunsIt()
    {
        // Batch normalisation's parameter gradients come from sums its input-gradient pass computes.
        RandomGenerator.Default.SetSeed(6);
        var full = new Sequential<double>().Add(new BatchNormalization<double>(4)).Add(new Linear<double>(4, 2));
        var partial = (Sequential<double>)full.CloneModule();
        var input = Tensor<double>.Randn(new RandomGenerator(7), 5, 4);
        var gradOutput = Tensor<double>.Randn(new RandomGenerator(8), 5, 2);
        full.Forward(input);
        full.Backward(input, gradOutput);
        partial.Forward(input);
        partial.BackwardForParameters(input, gradOutput);
        Assert.True(full.GetParameters().Gradients.AlmostEqual(partial.GetParameters().Gradients, 1e-12));
    }

    [Fact]
    public void WrongGradientShape_StillThrowsNamingTheLayer()
    {
        var model = new Sequential<double>().Add(new Linear<double>(3, 2));
        model.Forward(new Tensor<double>(4, 3));
        var e = Assert.Throws<LayerException>(() => model.BackwardForParameters(new Tensor<double>(4, 3), new Tensor<double>(4, 5)));
        Assert.Contains("Linear(3 -> 2)", e.Message);
    }
}
