using BigDL.Tensors;
using BigDL.Tensors.Kernels;

namespace BigDL.Tests.Tensors;

/// <summary>d = x + 10·y, an action to drive through <see cref="ElementWalk"/>.</summary>
internal readonly struct AddTenTimes : ISpanAction3<double>
{
    public void Invoke(Span<double> destination, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        for (int i = 0; i < destination.Length; i++) destination[i] = x[i] + 10 * y[i];
    }
}

/// <summary>Sums the visited runs.</summary>
internal struct SumVisitor : IRunVisitor<double>
{
    public double Sum;
    public void Visit(ReadOnlySpan<double> run)
    {
        foreach (double v in run) Sum += v;
    }
}

[Collection(ProcessWideSettings.Name)]
public class ElementWalkTests
{
    private static Tensor<double> Seq(int seed, params int[] sizes) => Tensor<double>.Rand(new RandomGenerator((ulong)seed), sizes);

    private static void AssertAddTenTimes(Tensor<double> d, Tensor<double> x, Tensor<double> y)
    {
        // independent oracle: element loop by indices
        var xs = x.Clone().AsSpan().ToArray();
        var ys = y.Clone().AsSpan().ToArray();
        var ds = d.Clone().AsSpan().ToArray();
        for (int i = 0; i < ds.Length; i++) Assert.Equal(xs[i] + 10 * ys[i], ds[i]);
    }

    [Fact]
    public void Run_StridedOperands_MatchesElementLoop()
    {
        var x = Seq(1, 5, 7).T();                       // 7×5 transposed
        var y = Seq(2, 9, 12).Narrow(0, 1, 7).Narrow(1, 3, 5); // narrowed
        var big = new Tensor<double>(7, 10).Fill(-1);
        var d = big.Unfold(1, 1, 2).Select(2, 0);       // every other column
        ElementWalk.Run(d, x, y, new AddTenTimes());
        AssertAddTenTimes(d, x, y);
        for (int i = 0; i < 7; i++)
            for (int j = 1; j < 10; j += 2)
                Assert.Equal(-1.0, big[i, j]); // untouched gaps
    }

    [Fact]
    public void Run_ExpandedStrideZeroOperand_MatchesElementLoop()
    {
        var y = Seq(4, 1, 6).Expand(4, 6);
        var z = Seq(5, 4, 1).Expand(4, 6);
        var d = new Tensor<double>(4, 6);
        ElementWalk.Run(d, y, z, new AddTenTimes());
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 6; j++)
                Assert.Equal(y[i, j] + 10 * z[i, j], d[i, j]);
    }

    [Fact]
    public void Run_LargeStridedWorkOnTwoThreads_MatchesSingleThread()
    {
        int previous = Engine.CoreNumber;
        try
        {
            var x = Seq(6, 400, 300).T();                  // 120,000 elements, transposed
            var y = Seq(7, 300, 1).Expand(300, 400);
            Engine.SetCoreNumber(1);
            var one = new Tensor<double>(300, 400);
            ElementWalk.Run(one, x, y, new AddTenTimes());
            Engine.SetCoreNumber(2);
            var two = new Tensor<double>(300, 400);
            ElementWalk.Run(two, x, y, new AddTenTimes());
            Assert.Equal(one.AsSpan().ToArray(), two.AsSpan().ToArray());
            for (int i = 0; i < 300; i += 37)
                for (int j = 0; j < 400; j += 41)
                    Assert.Equal(x[i, j] + 10 * y[i, j], two[i, j]);
        }
        finally
        {
            Engine.SetCoreNumber(previous);
        }
    }

    [Fact]
    public void Visit_TransposedTensor_SeesEveryElementOnce()
    {
        var t = Tensor<double>.Range(1, 20).View(4, 5).T();
        var visitor = new SumVisitor();
        ElementWalk.Visit(t, ref visitor);
        Assert.Equal(210.0, visitor.Sum);
    }
}
