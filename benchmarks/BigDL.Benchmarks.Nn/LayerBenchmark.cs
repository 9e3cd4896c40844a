using BigDL.NN;
using BigDL.Tensors;
using TorchSharp;

namespace BigDL.Benchmarks.Nn;

/// <summary>
/// Forward and forward+backward time of one layer, ours and TorchSharp's, same shape and threads: the median of each
/// timing, measured in <see cref="Rounds"/> alternating rounds (ours, theirs, ours, …) of which the fastest counts, so
/// a burst of load from other work on the machine does not land on one side only.
/// </summary>
internal static class LayerBenchmark
{
    /// <summary>Alternating rounds per layer.</summary>
    public const int Rounds = 3;

    /// <summary>Times in milliseconds.</summary>
    public sealed record Result(LayerCase Case, double OursForward, double TheirsForward, double OursTraining, double TheirsTraining);

    public static Result Run(LayerCase layerCase)
    {
        double oursForward = double.MaxValue, oursTraining = double.MaxValue, theirsForward = double.MaxValue, theirsTraining = double.MaxValue;
        for (int round = 0; round < Rounds; round++)
        {
            var (forward, training) = TimeOurs(layerCase);
            (oursForward, oursTraining) = (Math.Min(oursForward, forward), Math.Min(oursTraining, training));
            (forward, training) = TimeTheirs(layerCase);
            (theirsForward, theirsTraining) = (Math.Min(theirsForward, forward), Math.Min(theirsTraining, training));
        }
        return new Result(layerCase, oursForward, theirsForward, oursTraining, theirsTraining);
    }

    private static (double Forward, double Training) TimeOurs(LayerCase layerCase)
    {
        RandomGenerator.Default.SetSeed(1);
        var layer = layerCase.Ours();
        var input = Tensor<float>.Randn(layerCase.Input);
        var gradOutput = ((Tensor<float>)layer.Forward(input)).Clone().RandNormal(RandomGenerator.Default, 0, 1);
        layer.Training();
        double training = Timing.MedianSeconds(() =>
        {
            layer.Forward(input);
            layer.Backward(input, gradOutput);
        });
        layer.Evaluate();
        double forward = Timing.MedianSeconds(() => layer.Forward(input));
        return (forward * 1e3, training * 1e3);
    }

    private static (double Forward, double Training) TimeTheirs(LayerCase layerCase)
    {
        torch.manual_seed(1);
        using var layer = layerCase.Theirs();
        var shape = layerCase.Input.Select(s => (long)s).ToArray();
        using var input = torch.randn(shape).requires_grad_(true);
        using var gradOutput = torch.randn_like(layer.forward(input).detach());
        layer.train();
        double training = Timing.MedianSeconds(() =>
        {
            using var scope = torch.NewDisposeScope();
            layer.forward(input).backward([gradOutput]);
        });
        layer.eval();
        double forward = Timing.MedianSeconds(() =>
        {
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            layer.forward(input);
        });
        return (forward * 1e3, training * 1e3);
    }
}
