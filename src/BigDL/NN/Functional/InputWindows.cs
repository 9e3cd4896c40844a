using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// The transformed input windows Bᵀ d B of a chunk of tiles, read from zero-padded images: tile t's window starts at
/// <c>offsets[t]</c> in every plane of <paramref name="plane"/> values (rows <paramref name="width"/> apart). As rows
/// the tiles and as steps the planes (the forward GEMMs' A), or the other way round (the weight gradient's B).
/// </summary>
internal readonly unsafe struct InputWindows<T>(T* images, int plane, int width, int* offsets, bool tilesAreRows) : IWinogradTiles<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public void Write(int row, int step, T* target, nint stride)
    {
        var (tile, channel) = tilesAreRows ? (row, step) : (step, row);
        WinogradTransform<T>.InputTile(images + (nint)channel * plane + offsets[tile], width, target, stride);
    }
}
