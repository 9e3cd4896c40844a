using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

public class RecurrentTests
{
    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    [Fact]
    public void LSTM_Step_MatchesTheGateEquationsWrittenOut()
    {
        RandomGenerator.Default.SetSeed(1);
        var cell = new LSTM<double>(2, 1);
        var x = new Tensor<double>([0.5, -1], 1, 2);
        var h = new Tensor<double>([0.3], 1, 1);
        var c = new Tensor<double>([-0.2], 1, 1);
        var output = cell.Forward(new Table(x, new Table(h, c)));
        var w = cell.InputToGates.Weight;
        var b = cell.InputToGates.Bias!;
        var u = cell.HiddenToGates.Weight;
        double Gate(int k) => w[k, 0] * 0.5 + w[k, 1] * -1 + b[k] + u[k, 0] * 0.3;
        double i = Sigmoid(Gate(0)), g = Math.Tanh(Gate(1)), f = Sigmoid(Gate(2)), o = Sigmoid(Gate(3));
        double cNext = f * -0.2 + i * g;
        Assert.Equal(o * Math.Tanh(cNext), output.Get<Tensor<double>>(0)[0, 0], 12);
        Assert.Equal(cNext, output.Get<Table>(1).Get<Tensor<double>>(1)[0, 0], 12);
    }

    [Fact]
    public void GRU_Step_MatchesTheEquationsWrittenOut()
    {
        RandomGenerator.Default.SetSeed(2);
        var cell = new GRU<double>(1, 1);
        var output = cell.Forward(new Table(new Tensor<double>([0.7], 1, 1), new Tensor<double>([0.4], 1, 1)));
        var w = cell.InputToGates.Weight;
        var b = cell.InputToGates.Bias!;
        var u = cell.HiddenToGates.Weight;
        double r = Sigmoid(w[0, 0] * 0.7 + b[0] + u[0, 0] * 0.4);
        double z = Sigmoid(w[1, 0] * 0.7 + b[1] + u[1, 0] * 0.4);
        double n = Math.Tanh(w[2, 0] * 0.7 + b[2] + cell.HiddenToCandidate.Weight[0, 0] * (r * 0.4));
        Assert.Equal((1 - z) * n + z * 0.4, output.Get<Tensor<double>>(0)[0, 0], 12);
    }

    [Fact]
    public void Recurrent_EqualsRunningTheCellStepByStep()
    {
        RandomGenerator.Default.SetSeed(3);
        var cell = new RnnCell<double>(3, 2);
        var layer = new Recurrent<double>().Add(cell);
        var x = CaseData.Uniform(4, 2, 4, 3);
        var y = layer.Forward(x).Clone();
        var reference = (RnnCell<double>)cell.CloneModule();
        IActivity hidden = new Tensor<double>(2, 2);
        for (int t = 0; t < 4; t++)
        {
            var step = reference.Forward(new Table(x.Select(1, t).Clone(), hidden));
            Assert.True(step.Get<Tensor<double>>(0).AlmostEqual(y.Select(1, t), 1e-12));
            hidden = step.Get<Tensor<double>>(1).Clone();
        }
    }

    [Fact]
    public void Recurrent_SharesOneSetOfParameters()
    {
        var layer = new Recurrent<double>().Add(new LSTM<double>(5, 4));
        layer.Forward(CaseData.Uniform(5, 2, 6, 5));
        Assert.Equal(5 * 16 + 16 + 4 * 16, layer.ParameterCount());
        var (flat, _) = layer.GetParameters();
        flat.Zero();
        Assert.Equal(0, layer.Forward(CaseData.Uniform(6, 2, 6, 5)).Abs().Sum());
    }

    [Fact]
    public void Recurrent_TwoDimensionalInput_ThrowsNamingShape()
    {
        var e = Assert.Throws<LayerException>(() => new Recurrent<double>().Add(new GRU<double>(3, 2)).Forward(new Tensor<double>(4, 3)));
        Assert.Contains("[N, T, 3] (batch first)", e.Message, StringComparison.Ordinal);
        Assert.Contains("got [4, 3]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LookupTable_RowsRenormAndZeroBasedRange()
    {
        var table = new LookupTable<double>(3, 2, maxNorm: 1);
        table.Weight.Copy(new Tensor<double>([3, 4, 0.1, 0.1, 1, 1], 3, 2));
        var y = table.Forward(new Tensor<double>([0, 1], 2));
        Assert.Equal(0.6, y[0, 0], 6);
        Assert.Equal(0.1, y[1, 1], 12);
        var e = Assert.Throws<LayerException>(() => table.Forward(new Tensor<double>([0, 3], 2)));
        Assert.Contains("index 3 at position 1 of [2] is outside [0, 3); indices are 0-based", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LookupTable_RepeatedIndices_AccumulateGradient()
    {
        var table = new LookupTable<double>(3, 1);
        var x = new Tensor<double>([2, 2, 0], 3);
        table.Forward(x);
        table.Backward(x, new Tensor<double>([1, 2, 4], 3, 1));
        Assert.Equal(3, table.GradWeight[2, 0]);
        Assert.Equal(4, table.GradWeight[0, 0]);
        Assert.Equal(0, table.GradWeight[1, 0]);
    }

    [Fact]
    public void LookupTable_PaddingRow_GetsNoGradient()
    {
        var table = new LookupTable<double>(3, 2, paddingValue: 1);
        var x = new Tensor<double>([1, 0, 1], 3);
        var y = table.Forward(x);
        Assert.True(y.Select(0, 0).AlmostEqual(table.Weight.Select(0, 1), 0), "the padding row is still looked up");
        table.Backward(x, Tensor<double>.Ones(3, 2));
        Assert.Equal(0, table.GradWeight.Select(0, 1).Abs().Sum());
        Assert.Equal(2, table.GradWeight.Select(0, 0).Sum());
    }

    [Fact]
    public void Recurrent_ScaleW_ReachesTheCellsProjections()
    {
        RandomGenerator.Default.SetSeed(9);
        var x = CaseData.Uniform(10, 2, 3, 4);
        var plain = new Recurrent<double>().Add(new GRU<double>(4, 3));
        var scaled = (Recurrent<double>)plain.CloneModule();
        scaled.SetScaleW(0.5);
        foreach (var layer in new[] { plain, scaled })
        {
            layer.Forward(x);
            layer.Backward(x, Tensor<double>.Ones(2, 3, 3));
        }
        var full = plain.GetParameters().Gradients;
        var half = scaled.GetParameters().Gradients;
        var gru = (GRU<double>)plain.Cell;
        int weights = gru.InputToGates.Weight.NElement();
        Assert.True(half.Narrow(0, 0, weights).AlmostEqual(full.Narrow(0, 0, weights).Clone().Mul(0.5), 1e-12));
    }
}
