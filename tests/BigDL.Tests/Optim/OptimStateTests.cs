using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

public class OptimStateTests
{
    private static OptimState<double> Filled()
    {
        var state = new OptimState<double> { Epoch = 3, Iteration = 17, Score = 0.75, Loss = 1.5 };
        state.Tensors["dfdx"] = new Tensor<double>([1.0, 2.0, 3.0], 3);
        state.Scalars["clr"] = 0.01;
        return state;
    }

    [Fact]
    public void New_StartsAtEpochOneIterationOne()
    {
        var state = new OptimState<float>();
        Assert.Equal((1, 1), (state.Epoch, state.Iteration));
        Assert.Null(state.Score);
        Assert.Null(state.Loss);
        Assert.Empty(state.Tensors);
        Assert.Empty(state.Scalars);
    }

    [Fact]
    public void Clone_CopiesEverythingDeeply()
    {
        var state = Filled();
        var copy = state.Clone();
        Assert.Equal((3, 17, 0.75, 1.5), (copy.Epoch, copy.Iteration, copy.Score, copy.Loss));
        Assert.Equal(0.01, copy.Scalars["clr"]);
        Assert.NotSame(state.Tensors["dfdx"].Storage, copy.Tensors["dfdx"].Storage);
        state.Tensors["dfdx"][0] = 42;
        state.Scalars["clr"] = 1;
        Assert.Equal(1.0, copy.Tensors["dfdx"][0]);
        Assert.Equal(0.01, copy.Scalars["clr"]);
    }

    [Fact]
    public void CopyFrom_ReplacesTheWholeContent()
    {
        var target = new OptimState<double>();
        target.Tensors["stale"] = new Tensor<double>(1);
        target.Scalars["stale"] = 1;
        Assert.Same(target, target.CopyFrom(Filled()));
        Assert.Equal(["dfdx"], target.Tensors.Keys);
        Assert.Equal(["clr"], target.Scalars.Keys);
        Assert.Equal([1.0, 2.0, 3.0], OptimTesting.Values(target.Tensors["dfdx"]));
        Assert.Equal(17, target.Iteration);
    }

    [Fact]
    public void CopyFrom_Itself_KeepsTheContent()
    {
        var state = Filled();
        state.CopyFrom(state);
        Assert.Equal(3, state.Tensors["dfdx"].NElement());
    }
}
