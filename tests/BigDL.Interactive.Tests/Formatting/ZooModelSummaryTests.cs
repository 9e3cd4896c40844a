using BigDL.Interactive.Formatting;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

/// <summary>Layer tables of the model zoo's networks, with parameter counts worked out by hand.</summary>
[Collection(FormatterRegistry.Name)]
public class ZooModelSummaryTests
{
    [Fact]
    public void Summarize_ResNet20_CountsBatchNormStatisticsAsNonTrainableAndKnowsEveryShape()
    {
        // 3x3 convolutions with bias and a batch norm (weight and bias, running mean and variance) per plane;
        // three stages of 3 basic blocks at 16, 32 and 64 planes; shortcut A has no parameters.
        static long Conv(int cin, int cout) => (long)cin * cout * 9 + cout;
        long trainable = Conv(3, 16) + 2 * 16, statistics = 2 * 16;
        int planes = 16;
        foreach (int width in new[] { 16, 32, 64 })
            for (int block = 0; block < 3; block++)
            {
                trainable += Conv(planes, width) + Conv(width, width) + 4 * width;
                statistics += 4 * width;
                planes = width;
            }
        trainable += 64 * 10 + 10;
        var model = ResNet.Cifar10<float>(10, 20);

        var summary = model.Summarize(2, 3, 32, 32);

        Assert.Equal(trainable, summary.TrainableParameters);
        Assert.Equal(statistics, summary.NonTrainableParameters);
        Assert.Equal("[2×10]", summary.Layers[0].OutputShape);
        Assert.All(summary.Layers, layer => Assert.NotEqual("—", layer.OutputShape));
        Assert.Contains(summary.Layers, layer => layer.Depth >= 3);
        Assert.Equal(1 + 3 * 3 * 2, summary.Layers.Count(l => l.Type.StartsWith("SpatialConvolution(", StringComparison.Ordinal)));
        Assert.Contains($"Total parameters: {trainable + statistics:N0} · trainable: {trainable:N0} · non-trainable: {statistics:N0}", Rendered.Html(model));
    }

    [Fact]
    public void Html_Autoencoder_HasItsHandCountedTotal()
    {
        var summary = Autoencoder.Create<double>(32).Summarize(3, 28, 28);

        Assert.Equal(784L * 32 + 32 + 32 * 784 + 784, summary.TotalParameters);
        Assert.Equal("[3×784]", summary.Layers[0].OutputShape);
    }

    [Fact]
    public void Summarize_SimpleRnn_ShowsTheRecurrentLayerAsOneRowWithItsCell()
    {
        var summary = SimpleRnn.Create<double>(inputSize: 20, hiddenSize: 8, outputSize: 20).Summarize(new Tensor<double>([1, 5, 19, 0, 3, 3, 7, 2], 2, 4));

        Assert.Equal(20L * 8 + (8 * 8 + 8) * 2 + 8 * 20 + 20, summary.TrainableParameters);
        Assert.Equal("[2×4×20]", summary.Layers[0].OutputShape);
        Assert.Contains(summary.Layers, l => l.Type.StartsWith("Recurrent", StringComparison.Ordinal) && l.OutputShape == "[2×4×8]");
    }

    [Fact]
    public void Summarize_Graph_ListsItsNodesInOrder()
    {
        var x = new Input<float>("x");
        var hidden = new Linear<float>(3, 4).SetName("hidden").Inputs(x);
        var graph = new Graph<float>(x, new Tanh<float>().SetName("out").Inputs(hidden));

        var summary = graph.Summarize(5, 3);

        Assert.Equal("Graph", summary.Layers[0].Type);
        Assert.Equal(["x", "hidden", "out"], summary.Layers.Skip(1).Select(l => l.Name));
        Assert.Equal(["[5×3]", "[5×4]", "[5×4]"], summary.Layers.Skip(1).Select(l => l.OutputShape));
        Assert.Equal(16, summary.TotalParameters);
    }

    [Fact]
    public void Summarize_TableInput_ShowsTableOutputShapes()
    {
        var model = new Sequential<float>().Add(new ConcatTable<float>().Add(new Linear<float>(2, 3)).Add(new Identity<float>())).Add(new SelectTable<float>(0));

        var summary = model.Summarize(4, 2);

        Assert.Equal("{[4×3], [4×2]}", summary.Layers[1].OutputShape);
        Assert.Equal("[4×3]", summary.Layers[0].OutputShape);
    }
}
