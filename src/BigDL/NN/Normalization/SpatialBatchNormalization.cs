using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Batch normalisation per channel of images [N, nOutput, H, W]: statistics over the batch and all pixels of a channel.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.SpatialBatchNormalization</c> (PyTorch <c>nn.BatchNorm2d</c>); everything else as
/// <see cref="BatchNormalization{T}"/>. A single image [nOutput, H, W] is accepted in evaluation mode only.
/// </remarks>
public sealed class SpatialBatchNormalization<T>(int nOutput, double eps = 1e-5, double momentum = 0.1, bool affine = true,
    Tensor<T>? initWeight = null, Tensor<T>? initBias = null)
    : BatchNormalization<T>(nOutput, eps, momentum, affine, initWeight, initBias) where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override BatchNormKernel.Layout Layout(Tensor<T> input)
    {
        Require.Shape(input.Dim() == 4 && input.Size(1) == NOutput || input.Dim() == 3 && input.Size(0) == NOutput && !IsTraining,
            $"input [N, {NOutput}, H, W] (or [{NOutput}, H, W] in evaluation mode)", input);
        return input.Dim() == 3
            ? new(1, NOutput, input.Size(1) * input.Size(2))
            : new(input.Size(0), NOutput, input.Size(2) * input.Size(3));
    }
}
