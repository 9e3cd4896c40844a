using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

public class LSTMPeepholeTests
{
    [Fact]
    public void ZeroPeepholes_BehaveAsThePlainLSTM()
    {
        RandomGenerator.Default.SetSeed(1);
        var peephole = new LSTMPeephole<double>(3, 2);
        var plain = new LSTM<double>(3, 2);
        plain.InputToGates.Weight.Copy(peephole.InputToGates.Weight);
        plain.InputToGates.Bias!.Copy(peephole.InputToGates.Bias!);
        plain.HiddenToGates.Weight.Copy(peephole.HiddenToGates.Weight);
        var step = new Table(CaseData.Uniform(2, 2, 3), new Table(CaseData.Uniform(3, 2, 2), CaseData.Uniform(4, 2, 2)));
        Assert.True(peephole.Forward(step).Get<Tensor<double>>(0).AlmostEqual(plain.Forward(step).Get<Tensor<double>>(0), 1e-12));
    }

    [Fact]
    public void Peepholes_ChangeTheGates()
    {
        RandomGenerator.Default.SetSeed(1);
        var cell = new LSTMPeephole<double>(1, 1);
        var step = new Table(new Tensor<double>([0.5], 1, 1), new Table(new Tensor<double>([0.2], 1, 1), new Tensor<double>([0.9], 1, 1)));
        double before = cell.Forward(step).Get<Tensor<double>>(0)[0, 0];
        cell.Peephole.Fill(2);
        Assert.NotEqual(before, cell.Forward(step).Get<Tensor<double>>(0)[0, 0]);
    }
}
