using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// The transformed output-gradient tiles A dY Aᵀ of a chunk (for the weight gradient's A: planes as rows, tiles as
/// steps): tile t's 2×2 values start at <c>offsets[t]</c> in every plane of <paramref name="plane"/> values (rows
/// <paramref name="width"/> apart), whole tiles — an odd-sized gradient is first padded with zeros.
/// </summary>
internal readonly unsafe struct GradientWindows<T>(T* gradients, int plane, int width, int* offsets) : IWinogradTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Write(int row, int step, T* target, nint stride) =>
        WinogradTransform<T>.GradientTile(gradients + (nint)row * plane + offsets[step], width, target, stride);
}
