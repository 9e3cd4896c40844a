using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// What <see cref="WinogradTransform{T}.Pack{TSource}"/> packs: element (row, step) of the 16 transformed matrices
/// — one tile of one plane, transformed into its 16 positions.
/// </summary>
internal unsafe interface IWinogradTiles<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Transforms the tile of element (<paramref name="row"/>, <paramref name="step"/>); position ξ to <c>target[ξ·stride]</c>.</summary>
    void Write(int row, int step, T* target, nint stride);
}
