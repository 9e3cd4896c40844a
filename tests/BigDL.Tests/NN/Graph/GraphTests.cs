using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Graph;

public class GraphTests
{
    [Fact]
    public void Graph_EqualsTheSameSequential()
    {
        RandomGenerator.Default.SetSeed(1);
        var l1 = new Linear<double>(4, 3);
        var l2 = new Linear<double>(3, 2);
        var x = new Input<double>();
        var graph = new Graph<double>(x, new LogSoftMax<double>().Inputs(l2.Inputs(new ReLU<double>().Inputs(l1.Inputs(x)))));
        var sequential = new Sequential<double>().Add(l1.CloneModule()).Add(new ReLU<double>()).Add(l2.CloneModule()).Add(new LogSoftMax<double>());
        var input = CaseData.Uniform(2, 5, 4);
        Assert.True(graph.Forward(input).ToTensor<double>().AlmostEqual(sequential.Forward(input).ToTensor<double>(), 1e-12));
        var g = CaseData.Uniform(3, 5, 2);
        Assert.True(graph.Backward(input, g).ToTensor<double>().AlmostEqual(sequential.Backward(input, g).ToTensor<double>(), 1e-12));
        Assert.Equal(sequential.ParameterCount(), graph.ParameterCount());
    }

    [Fact]
    public void Graph_FanOut_SumsGradientsOfBothConsumers()
    {
        var x = new Input<double>();
        var graph = new Graph<double>(x, new CAddTable<double>().Inputs(new MulConstant<double>(2).Inputs(x), new MulConstant<double>(3).Inputs(x)));
        var input = CaseData.Uniform(4, 3);
        Assert.True(graph.Forward(input).ToTensor<double>().AlmostEqual(input.Clone().Mul(5), 1e-12));
        Assert.True(graph.Backward(input, Tensor<double>.Ones(3)).ToTensor<double>().AlmostEqual(Tensor<double>.Ones(3).Mul(5), 1e-12));
    }

    [Fact]
    public void Graph_StartNodeNotAnInput_Throws()
    {
        var x = new Input<double>();
        var stray = new Input<double>("stray");
        var e = Assert.Throws<ArgumentException>(() => new Graph<double>(x, new CAddTable<double>().Inputs(x, stray)));
        Assert.Contains("'stray'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not one of the graph's inputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_ModuleInTwoNodes_Throws()
    {
        var x = new Input<double>();
        var layer = new Linear<double>(2, 2);
        var e = Assert.Throws<ArgumentException>(() => new Graph<double>(x, layer.Inputs(layer.Inputs(x))));
        Assert.Contains("used in two nodes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_InputNotConnected_Throws()
    {
        var x = new Input<double>();
        var unused = new Input<double>();
        var e = Assert.Throws<ArgumentException>(() => new Graph<double>([x, unused], [new Tanh<double>().Inputs(x)]));
        Assert.Contains("not connected to the outputs", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_PrintsNodesWithTheirSources_AndFindsNodesByName()
    {
        var graph = GraphGradientCases.TwoInTwoOut();
        Assert.Equal("nn.Graph {\n  (0): nn.Identity <- input 0\n  (1): nn.Linear(3 -> 2) <- (0)\n  (2): nn.Identity <- input 1\n  (3): nn.CAddTable <- (1), (2) -> output 0\n  (4): nn.CMulTable <- (3), (1) -> output 1\n}",
            graph.ToString());
        var x = new Input<double>();
        var named = new Linear<double>(2, 2).SetName("fc");
        Assert.Same(named, new Graph<double>(x, named.Inputs(x)).Node("fc").Element);
    }

    [Fact]
    public void Graph_BadInputDeepInside_NamesTheNode()
    {
        var e = Assert.Throws<LayerException>(() => GraphGradientCases.Diamond().Forward(new Tensor<double>(2, 5)));
        Assert.Contains("nn.Graph[1] > nn.Linear(3 -> 4)", e.Message, StringComparison.Ordinal);
    }
}
