using System.Numerics;

namespace BigDL.NN;

/// <summary>Log-soft-max: x_i − log Σ_j exp(x_j), computed with the maximum subtracted so logits of ±1000 stay finite.</summary>
/// <remarks>BigDL/Torch <c>nn.LogSoftMax</c> (PyTorch <c>nn.LogSoftmax</c>); pair it with <see cref="ClassNLLCriterion{T}"/>. The axis follows <see cref="SoftMaxBase{T}"/>: the last dimension of [n] and
/// [N, n], the channels of [C, H, W] and [N, C, H, W].</remarks>
public sealed class LogSoftMax<T>() : SoftMaxBase<T>(log: true, negate: false) where T : unmanaged, IFloatingPointIeee754<T>
{
}
