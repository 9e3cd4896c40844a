using BigDL.NN;
using TorchSharp;

namespace BigDL.Benchmarks.Nn;

/// <summary>One layer at one input shape, built both ways: ours and TorchSharp's equivalent.</summary>
/// <param name="Model">Which network the shape comes from (lenet, vgg).</param>
/// <param name="Name">The layer as BigDL names it, with its arguments.</param>
/// <param name="Input">Input shape, batch first.</param>
/// <param name="Ours">Builds our layer (float).</param>
/// <param name="Theirs">Builds the TorchSharp layer.</param>
internal sealed record LayerCase(string Model, string Name, int[] Input, Func<Module<float>> Ours,
    Func<torch.nn.Module<torch.Tensor, torch.Tensor>> Theirs);
