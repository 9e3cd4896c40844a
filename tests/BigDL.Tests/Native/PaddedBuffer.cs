using System.Numerics;

namespace BigDL.Tests.Native;

/// <summary>
/// A matrix or strided vector inside a larger buffer: live elements hold seeded random values, every other
/// element (leading-dimension padding, gaps between strided elements, a tail past the end) holds a sentinel
/// that must survive any BLAS call untouched.
/// </summary>
internal sealed class PaddedBuffer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public const int Tail = 3;
    public static readonly T Sentinel = T.CreateTruncating(-12345.5);

    private PaddedBuffer(T[] data, bool[] live)
    {
        Data = data;
        Live = live;
        Initial = (T[])data.Clone();
    }

    /// <summary>The whole buffer passed to the provider.</summary>
    public T[] Data { get; }

    /// <summary>Which elements belong to the matrix or vector.</summary>
    public bool[] Live { get; }

    /// <summary>The buffer as it was before the call.</summary>
    public T[] Initial { get; }

    /// <summary>A row-major rows×cols matrix with leading dimension <paramref name="ld"/>; live values are NaN when asked.</summary>
    public static PaddedBuffer<T> Matrix(int rows, int cols, int ld, RandomGenerator random, bool nanValues = false)
    {
        int need = rows == 0 || cols == 0 ? 0 : (rows - 1) * ld + cols;
        var data = new T[need + Tail];
        var live = new bool[data.Length];
        Array.Fill(data, Sentinel);
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
            {
                data[r * ld + c] = nanValues ? T.NaN : T.CreateTruncating(random.Uniform(-1, 1));
                live[r * ld + c] = true;
            }
        return new PaddedBuffer<T>(data, live);
    }

    /// <summary>A vector of <paramref name="n"/> elements read every <paramref name="inc"/>.</summary>
    public static PaddedBuffer<T> Vector(int n, int inc, RandomGenerator random, bool nanValues = false) => Matrix(n, 1, inc, random, nanValues);

    /// <summary>A flat buffer of <paramref name="length"/> live random values (and the sentinel tail).</summary>
    public static PaddedBuffer<T> Flat(int length, RandomGenerator random) => Matrix(1, length, Math.Max(1, length), random);

    /// <summary>Turns every element for which <paramref name="isLive"/> is false into sentinel padding.</summary>
    public PaddedBuffer<T> KeepOnly(Func<int, bool> isLive)
    {
        for (int i = 0; i < Data.Length; i++)
        {
            Live[i] = isLive(i);
            if (!Live[i]) Data[i] = Sentinel;
        }
        Array.Copy(Data, Initial, Data.Length);
        return this;
    }

    /// <summary>Initial value of element <paramref name="index"/> as a double.</summary>
    public double InitialAt(int index) => double.CreateTruncating(Initial[index]);

    /// <summary>Asserts every non-live element still holds the sentinel, bit for bit.</summary>
    public void AssertPaddingUntouched(string context)
    {
        for (int i = 0; i < Data.Length; i++)
            if (!Live[i] && !Data[i].Equals(Sentinel))
                Assert.Fail($"{context}: padding element {i} of {Data.Length} changed from {Sentinel} to {Data[i]}");
    }

    /// <summary>Asserts the whole buffer is unchanged (inputs).</summary>
    public void AssertUnchanged(string context)
    {
        for (int i = 0; i < Data.Length; i++)
            if (!Data[i].Equals(Initial[i]))
                Assert.Fail($"{context}: input element {i} changed from {Initial[i]} to {Data[i]}");
    }
}
