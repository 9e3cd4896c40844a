using System.Text.Json.Nodes;
using BigDL.Interop;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>
/// Every optim method (with schedules, nested ones included) written the way checkpoints write it and read back
/// continues exactly: the next updates are the same bits as the original's.
/// </summary>
public class OptimMethodPersistenceTests
{
    public static TheoryData<string> Methods =>
    [
        "SGD", "SGD nesterov weight decay", "SGD Step", "SGD MultiStep", "SGD Exponential", "SGD Poly", "SGD Plateau", "SGD Warmup",
        "SGD EpochStep", "SGD Sequential", "Adam", "Adamax", "Adagrad", "Adadelta", "RMSprop", "LBFGS", "Ftrl",
    ];

    private static OptimMethod<double> Create(string name) => name switch
    {
        "SGD" => new SGD<double>(learningRate: 0.1, momentum: 0.9, dampening: 0),
        "SGD nesterov weight decay" => new SGD<double>(learningRate: 0.05, weightDecay: 0.01, momentum: 0.5, dampening: 0, nesterov: true),
        "SGD Step" => new SGD<double>(0.1, learningRateSchedule: new Step(2, 0.5)),
        "SGD MultiStep" => new SGD<double>(0.1, learningRateSchedule: new MultiStep([1, 3], 0.1)),
        "SGD Exponential" => new SGD<double>(0.1, learningRateSchedule: new Exponential(2, 0.9, stairCase: true)),
        "SGD Poly" => new SGD<double>(0.1, learningRateSchedule: new Poly(0.5, 100)),
        "SGD Plateau" => new SGD<double>(0.1, learningRateSchedule: new Plateau("loss", patience: 1)),
        "SGD Warmup" => new SGD<double>(0.1, learningRateSchedule: new Warmup(0.01)),
        "SGD EpochStep" => new SGD<double>(0.1, learningRateSchedule: new EpochStep(1, 0.5)),
        "SGD Sequential" => new SGD<double>(0.1, learningRateSchedule: new SequentialSchedule(2).Add(new Warmup(0.05), 2).Add(new Poly(2, 20), 20)),
        "Adam" => new Adam<double>(learningRate: 0.01, beta1: 0.8),
        "Adamax" => new Adamax<double>(),
        "Adagrad" => new Adagrad<double>(0.1, weightDecay: 0.01),
        "Adadelta" => new Adadelta<double>(),
        "RMSprop" => new RMSprop<double>(0.01),
        "LBFGS" => new LBFGS<double>(maxIter: 3, nCorrection: 4, lineSearch: new WolfeLineSearch<double>()),
        "Ftrl" => new Ftrl<double>(0.1, l1RegularizationStrength: 0.01),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Method_WrittenAndRead_ContinuesWithTheSameUpdates(string name)
    {
        var method = Create(name);
        var x = OptimTesting.Start<double>();
        var feval = OptimTesting.Quadratic<double>();
        for (int i = 0; i < 3; i++) Step(method, feval, x, epoch: 1 + i / 2);

        var encoder = new ObjectEncoder<double>();
        var node = JsonNode.Parse(OptimMethodCodec.Encode(method, encoder).ToJsonString())!.AsObject();
        var restored = OptimMethodCodec.Decode(node, new ObjectDecoder<double>([.. encoder.Tensors.Select(t => t.Clone())], "memory"), "memory");

        Assert.Equal(method.GetType(), restored.GetType());
        Assert.Equal(method.ToString(), restored.ToString());
        var y = x.Clone();
        for (int i = 3; i < 7; i++)
        {
            Step(method, feval, x, epoch: 1 + i / 2);
            Step(restored, feval, y, epoch: 1 + i / 2);
            Assert.Equal(x.AsSpan().ToArray(), y.AsSpan().ToArray());
            Assert.Equal(method.CurrentLearningRate, restored.CurrentLearningRate);
        }
    }

    [Fact]
    public void EpochDecay_WithItsDelegate_CannotBeWrittenAndSaysWhatToUse()
    {
        var method = new SGD<double>(0.1, learningRateSchedule: new EpochDecay(epoch => 0.1 * epoch));
        var e = Assert.Throws<NotSupportedException>(() => OptimMethodCodec.Encode(method, new ObjectEncoder<double>()));
        Assert.Contains("delegate", e.Message);
    }

    private static void Step(OptimMethod<double> method, Func<Tensor<double>, (double Loss, Tensor<double> Gradient)> feval, Tensor<double> x, int epoch)
    {
        method.State.Epoch = epoch;
        method.UpdateHyperParameter();
        method.Optimize(feval, x);
        method.State.Score = 1.0 / epoch;
    }
}
