using System.Numerics;

namespace BigDL.NN;

/// <summary>Soft-max: exp(x_i) / Σ_j exp(x_j), shifted by the maximum for stability.</summary>
/// <remarks>BigDL/Torch <c>nn.SoftMax</c> (PyTorch <c>nn.Softmax</c>). The axis follows <see cref="SoftMaxBase{T}"/>: the last dimension of [n] and
/// [N, n], the channels of [C, H, W] and [N, C, H, W].</remarks>
public sealed class SoftMax<T>() : SoftMaxBase<T>(log: false, negate: false) where T : unmanaged, IFloatingPointIeee754<T>
{
}
