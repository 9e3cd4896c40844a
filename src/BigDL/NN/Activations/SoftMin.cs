using System.Numerics;

namespace BigDL.NN;

/// <summary>Soft-min: soft-max of −x.</summary>
/// <remarks>BigDL/Torch <c>nn.SoftMin</c> (PyTorch <c>nn.Softmin</c>). The axis follows <see cref="SoftMaxBase{T}"/>: the last dimension of [n] and
/// [N, n], the channels of [C, H, W] and [N, C, H, W].</remarks>
public sealed class SoftMin<T>() : SoftMaxBase<T>(log: false, negate: true) where T : unmanaged, IFloatingPointIeee754<T>
{
}
