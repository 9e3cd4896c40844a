using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Abstract;

public class ModuleContractTests
{
    private static Sequential<double> Mlp() => new Sequential<double>()
        .Add(new Linear<double>(4, 3)).Add(new ReLU<double>()).Add(new Linear<double>(3, 2));

    [Fact]
    public void ToString_Sequential_PrintsTorchStyleArchitecture()
    {
        Assert.Equal(
            "nn.Sequential {\n  [input -> (0) -> (1) -> (2) -> output]\n  (0): nn.Linear(4 -> 3)\n  (1): nn.ReLU\n  (2): nn.Linear(3 -> 2)\n}",
            Mlp().ToString());
    }

    [Fact]
    public void ToString_NestedContainer_IsIndented()
    {
        var model = new Sequential<double>().Add(new Sequential<double>().Add(new ReLU<double>()));
        Assert.Equal("nn.Sequential {\n  [input -> (0) -> output]\n  (0): nn.Sequential {\n    [input -> (0) -> output]\n    (0): nn.ReLU\n  }\n}", model.ToString());
    }

    [Fact]
    public void Forward_BadInputDeepInside_ReportsThePathThroughTheModel()
    {
        var model = new Sequential<double>().Add(new ReLU<double>()).Add(new Sequential<double>().Add(new Linear<double>(4, 3).SetName("fc")));
        var e = Assert.Throws<LayerException>(() => model.Forward(new Tensor<double>(2, 5)));
        Assert.Equal("nn.Sequential[1] > nn.Sequential[0] > nn.Linear(4 -> 3) 'fc'", e.LayerPath);
        Assert.Contains("expected input [4] or [N, 4], got [2, 5]", e.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<ArgumentException>(e);
    }

    [Fact]
    public void Forward_TableIntoTensorLayer_SaysWhatItExpected()
    {
        Module<double> layer = new ReLU<double>();
        var e = Assert.Throws<LayerException>(() => layer.Forward(new Table(new Tensor<double>(2))));
        Assert.Contains("expected input to be a tensor of Double, got table {tensor [2]}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluateAndTraining_PropagateToChildren()
    {
        var model = Mlp();
        model.Evaluate();
        Assert.All(model.Modules, m => Assert.False(m.IsTraining));
        model.Training();
        Assert.All(model.Modules, m => Assert.True(m.IsTraining));
    }

    [Fact]
    public void Parameters_ContainerListsChildrenInOrder()
    {
        var model = Mlp();
        var (weights, gradients) = model.Parameters();
        Assert.Equal(4, weights.Length);
        Assert.Same(((Linear<double>)model.Modules[2]).Bias, weights[3]);
        Assert.Same(((Linear<double>)model.Modules[0]).GradWeight, gradients[0]);
        Assert.Equal(4 * 3 + 3 + 3 * 2 + 2, model.ParameterCount());
    }

    [Fact]
    public void ZeroGradParameters_ClearsAccumulatedGradients()
    {
        var model = Mlp();
        var x = CaseData.Uniform(1, 2, 4);
        model.Forward(x);
        model.Backward(x, CaseData.Uniform(2, 2, 2));
        Assert.NotEqual(0, model.GetParameters().Gradients.Abs().Sum());
        model.ZeroGradParameters();
        Assert.Equal(0, model.GetParameters().Gradients.Abs().Sum());
    }

    [Fact]
    public void GetParameters_SharedLayerIsCountedOnce()
    {
        var shared = new Linear<double>(3, 3);
        var model = new Sequential<double>().Add(shared).Add(shared);
        Assert.Equal(12, model.GetParameters().Weights.NElement());
        Assert.Equal(12, model.ParameterCount());
    }

    [Fact]
    public void SetInitMethod_ReinitialisesWithTheChosenMethod()
    {
        var layer = new Linear<double>(3, 2);
        layer.SetInitMethod(new ConstInitMethod(0.5), new Zeros());
        Assert.Equal(3, layer.Weight.Sum(), 12);
        Assert.Equal(0, layer.Bias!.Sum());
        layer.Reset();
        Assert.Equal(3, layer.Weight.Sum(), 12);
    }

    [Fact]
    public void SetInitMethod_OnContainerOrParameterlessLayer_Throws()
    {
        Assert.Throws<NotSupportedException>(() => Mlp().SetInitMethod(new Xavier()));
        Assert.Throws<NotSupportedException>(() => new ReLU<double>().SetInitMethod(new Xavier()));
    }

    [Fact]
    public void GetName_DefaultIsTypeAndNumber_SetNameOverrides()
    {
        var layer = new Linear<double>(2, 2);
        Assert.Matches("^Linear[0-9]+$", layer.GetName());
        Assert.Equal(layer.GetName(), layer.GetName());
        Assert.Equal("fc", layer.SetName("fc").GetName());
    }

    [Fact]
    public void Summary_ListsLayersAndTotal()
    {
        string summary = Mlp().Summary();
        Assert.Contains("(0)", summary, StringComparison.Ordinal);
        Assert.Contains("nn.Linear(4 -> 3)", summary, StringComparison.Ordinal);
        Assert.EndsWith("Total parameters: 23", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CloneModule_KeepsSharingInsideTheModel()
    {
        var shared = new Linear<double>(3, 3);
        var clone = (Sequential<double>)new Sequential<double>().Add(shared).Add(shared).CloneModule();
        Assert.Same(clone.Modules[0], clone.Modules[1]);
        Assert.NotSame(shared, clone.Modules[0]);
    }

    /// <summary>A layer defined outside the library, as a user would in a notebook; its lock object stands for state meant to be shared.</summary>
    private sealed class UserScale(object shared) : TensorModule<double>
    {
        public object Shared { get; } = shared;

        protected override Tensor<double> UpdateOutput(Tensor<double> input) => Output.ResizeAs(input).Copy(input).Mul(2.0);

        protected override Tensor<double> UpdateGradInput(Tensor<double> input, Tensor<double> gradOutput) => GradInput.ResizeAs(gradOutput).Copy(gradOutput).Mul(2.0);
    }

    [Fact]
    public void CloneModule_UserDefinedLayer_IsCopiedWithItsBuffers_OtherObjectsShared()
    {
        var shared = new object();
        var layer = new UserScale(shared);
        var model = new Sequential<double>().Add(layer).Add(new Linear<double>(2, 2));
        model.Forward(Tensor<double>.Ones(1, 2));

        var clone = (Sequential<double>)model.CloneModule();
        var copy = Assert.IsType<UserScale>(clone.Modules[0]);
        copy.Forward(Tensor<double>.Ones(1, 2).Mul(5.0));

        Assert.NotSame(layer, copy);
        Assert.NotSame(layer.Output, copy.Output);
        Assert.Equal(2.0, layer.Output[0, 0]); // replicas of a model never see each other's activations
        Assert.Same(shared, copy.Shared);
    }

    [Fact]
    public void Backward_BeforeForward_ThrowsClearly()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Mlp().Backward(new Tensor<double>(2, 4), new Tensor<double>(2, 2)));
        Assert.Contains("call Forward first", e.Message, StringComparison.Ordinal);
    }
}
