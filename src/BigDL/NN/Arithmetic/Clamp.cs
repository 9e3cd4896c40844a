using System.Numerics;

namespace BigDL.NN;

/// <summary>x clamped to [min, max]; gradient 1 inside, 0 outside.</summary>
/// <remarks>BigDL's <c>nn.Clamp</c>, which is a <see cref="HardTanh{T}"/> with the given bounds (PyTorch <c>torch.clamp</c>). Any shape.</remarks>
/// <param name="min">Lower bound.</param>
/// <param name="max">Upper bound.</param>
public sealed class Clamp<T>(double min, double max) : HardTanh<T>(min, max) where T : unmanaged, IFloatingPointIeee754<T>;
