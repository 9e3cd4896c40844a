using System.Numerics;

namespace BigDL.NN;

/// <summary>The element-wise minimum of a table of tensors; each gradient element goes to the first input holding the minimum.</summary>
/// <remarks>BigDL/Torch <c>nn.CMinTable</c>.</remarks>
public sealed class CMinTable<T> : CMaxTable<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private protected override bool Beats(T candidate, T best) => candidate < best;
}
