using System.Numerics;
using BigDL.Tensors.Kernels;

namespace BigDL.Tests.Tensors.Kernels;

/// <summary>
/// The reduction kernels on every length 0..256 and offsets 0..3 inside a larger buffer: the vectorized span
/// paths against the sequential scalar path, written outputs against sentinels, and the radix sort against LINQ.
/// </summary>
public abstract class ReductionKernelTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int MaxLength = 256;

    private static T V(double x) => T.CreateTruncating(x);

    private static T[] Buffer(int seed, int length = MaxLength + 8)
    {
        var g = new RandomGenerator((ulong)seed);
        var data = new T[length];
        for (int i = 0; i < data.Length; i++) data[i] = V(g.Uniform(-2, 2));
        return data;
    }

    private static void CheckSpan<TOp>(TOp op, string name, double center = 0) where TOp : struct, IAccumulateOp
    {
        var data = Buffer(1);
        const double tolerance = 1e-12;  // both paths accumulate in double; only the order differs
        for (int offset = 0; offset < 4; offset++)
        {
            for (int n = 0; n <= MaxLength; n++)
            {
                double vector = Accumulate.Span<T, TOp>(new ReadOnlySpan<T>(data, offset, n), op, center);
                double scalar = Accumulate.Strided(data, offset, 1, n, op, center);
                Assert.True(Math.Abs(vector - scalar) <= tolerance * Math.Max(1, Math.Abs(scalar)),
                    $"{name} length {n} offset {offset}: vector {vector} vs scalar {scalar}");
            }
        }
    }

    [Fact]
    public void AccumulateSpan_EveryLengthAndOffset_MatchesSequentialScalar()
    {
        CheckSpan(new SumOp(), "Sum");
        CheckSpan(new AbsSumOp(), "AbsSum");
        CheckSpan(new SquareSumOp(), "SquareSum");
        CheckSpan(new MaxAbsOp(), "MaxAbs");
        CheckSpan(new PowSumOp(3), "PowSum(3)");
        CheckSpan(new SquaredDeviationOp(), "SquaredDeviation", center: 0.25);
    }

    [Fact]
    public void AccumulateSpan_ProductOfEveryLength_MatchesSequentialScalar()
    {
        var data = Buffer(2);
        for (int i = 0; i < data.Length; i++) data[i] = V(1 + double.CreateTruncating(data[i]) / 8);  // near 1: no overflow
        for (int n = 0; n <= MaxLength; n++)
        {
            double vector = Accumulate.Span<T, ProdOp>(new ReadOnlySpan<T>(data, 3, n), new ProdOp());
            double scalar = Accumulate.Strided(data, 3, 1, n, new ProdOp());
            Assert.True(Math.Abs(vector - scalar) <= 1e-12 * Math.Abs(scalar), $"Prod length {n}: {vector} vs {scalar}");
        }
    }

    [Fact]
    public void AccumulateColumns_EveryWidth_MatchesStridedBitForBitAndStaysInside()
    {
        var data = Buffer(3, 5 * (MaxLength + 8));
        const int rows = 5, rowStride = MaxLength + 8;
        for (int width = 0; width <= MaxLength; width++)
        {
            var acc = new double[width + 2];
            acc[0] = acc[^1] = 42;
            var centers = Enumerable.Range(0, width).Select(j => j / 100.0).ToArray();
            Accumulate.Columns(data, 3, rowStride, rows, acc.AsSpan(1, width), centers, new SquaredDeviationOp());
            Assert.Equal(42, acc[0]);
            Assert.Equal(42, acc[^1]);
            for (int j = 0; j < width; j++)
                Assert.Equal(Accumulate.Strided(data, 3 + j, rowStride, rows, new SquaredDeviationOp(), centers[j]), acc[1 + j]);
        }
    }

    [Fact]
    public void ExtremeReducer_EveryLengthAndOffset_FindsTheFirstExtreme()
    {
        var data = Buffer(4);
        for (int i = 0; i < data.Length; i++) data[i] = T.Round(data[i]);  // ties
        for (int offset = 0; offset < 4; offset++)
        {
            for (int n = 1; n <= MaxLength; n++)
            {
                foreach (bool max in new[] { true, false })
                {
                    T[] values = [V(99), V(99), V(99)], indices = [V(99), V(99), V(99)];
                    var reducer = new ExtremeReducer<T>(values, indices, max);
                    reducer.Lane(data, offset, 1, n, 1);
                    int expected = 0;
                    for (int k = 1; k < n; k++)
                        if (max ? data[offset + k] > data[offset + expected] : data[offset + k] < data[offset + expected]) expected = k;
                    Assert.Equal(V(expected), indices[1]);
                    Assert.Equal(data[offset + expected], values[1]);
                    Assert.Equal([V(99), V(99)], new[] { values[0], values[2] });
                    Assert.Equal([V(99), V(99)], new[] { indices[0], indices[2] });
                }
            }
        }
    }

    [Fact]
    public void ExtremeReducerColumns_EveryWidth_MatchesLaneAndStaysInside()
    {
        const int rows = 6, rowStride = MaxLength + 8;
        var data = Buffer(5, rows * rowStride);
        for (int i = 0; i < data.Length; i++) data[i] = T.Round(data[i]);
        data[2 * rowStride + 7] = T.NaN;
        for (int width = 1; width <= MaxLength; width++)
        {
            foreach (bool max in new[] { true, false })
            {
                var values = Enumerable.Repeat(V(99), width + 2).ToArray();
                var indices = Enumerable.Repeat(V(99), width + 2).ToArray();
                new ExtremeReducer<T>(values, indices, max).Columns(data, 1, rowStride, rows, width, 1);
                Assert.Equal(V(99), values[0]);
                Assert.Equal(V(99), values[^1]);
                Assert.Equal(V(99), indices[^1]);
                var laneValues = new T[width];
                var laneIndices = new T[width];
                var lane = new ExtremeReducer<T>(laneValues, laneIndices, max);
                for (int j = 0; j < width; j++) lane.Lane(data, 1 + j, rowStride, rows, j);
                Assert.Equal(laneIndices, indices.AsSpan(1, width).ToArray());
                Assert.Equal(laneValues, values.AsSpan(1, width).ToArray());
            }
        }
    }

    [Fact]
    public void StableSort_EveryLength_MatchesLinqStableOrder()
    {
        var g = new RandomGenerator(6);
        for (int n = 0; n <= MaxLength; n++)
        {
            var x = Enumerable.Range(0, n).Select(_ => V(Math.Round(g.Uniform(-4, 4)) * 1.5)).ToArray();
            foreach (bool descending in new[] { false, true })
            {
                var keys = x.Select(v => SortKey.Of(v, descending)).ToArray();
                var items = Enumerable.Range(0, n).ToArray();
                SortKey.StableSort(keys, items, new ulong[n], new int[n]);
                var expected = descending
                    ? Enumerable.Range(0, n).OrderByDescending(i => x[i]).ToArray()
                    : Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
                Assert.Equal(expected, items);
            }
        }
    }
}

public sealed class ReductionKernelTestsFloat : ReductionKernelTests<float>;

public sealed class ReductionKernelTestsDouble : ReductionKernelTests<double>;
