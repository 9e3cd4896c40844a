using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// A thread's scratch buffers for the Winograd and direct convolutions (pinned: their loops use raw pointers), shared
/// by every layer the thread computes: each holds data only while one worker's share of one call runs. Grown on
/// demand, never shrunk.
/// </summary>
internal sealed class ConvolutionScratch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [ThreadStatic]
    private static ConvolutionScratch<T>? t_current;

    private T[] _padded = [];
    private T[] _paddedGradient = [];
    private T[] _transformed = [];
    private T[] _products = [];
    private T[] _panels = [];
    private int[] _offsets = [];
    private int[] _gradientOffsets = [];

    /// <summary>The calling thread's buffers.</summary>
    public static ConvolutionScratch<T> Current => t_current ??= new ConvolutionScratch<T>();

    /// <summary>Zero-padded copies of a group of images.</summary>
    public T[] Padded(int length) => Grow(ref _padded, length);

    /// <summary>Zero-padded copies of a group's output gradients (odd output sizes only).</summary>
    public T[] PaddedGradient(int length) => Grow(ref _paddedGradient, length);

    /// <summary>The transformed input tiles of a chunk: 16 packed blocks.</summary>
    public T[] Transformed(long length) => Grow(ref _transformed, checked((int)length));

    /// <summary>The 16 products of a chunk before the output transform, or its 16 transformed output-gradient blocks.</summary>
    public T[] Products(long length) => Grow(ref _products, checked((int)length));

    /// <summary>One depth block of one panel of the 16 transformed weight matrices, made just before its products.</summary>
    public T[] Panels(long length) => Grow(ref _panels, checked((int)length));

    /// <summary>Where each tile of a chunk starts in the padded images.</summary>
    public int[] Offsets(int length) => Grow(ref _offsets, length);

    /// <summary>Where each tile of a chunk starts in the output gradients.</summary>
    public int[] GradientOffsets(int length) => Grow(ref _gradientOffsets, length);

    private static TValue[] Grow<TValue>(ref TValue[] buffer, int length) where TValue : unmanaged
    {
        if (buffer.Length < length) buffer = GC.AllocateUninitializedArray<TValue>(length, pinned: true);
        return buffer;
    }
}
