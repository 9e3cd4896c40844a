using System.Numerics;
using BigDL.Tensors;
using static BigDL.Tests.Tensors.ReductionOracle;

namespace BigDL.Tests.Tensors;

/// <summary>
/// Reductions give the same bits on one and on two cores. These tests change the process-wide
/// <see cref="Engine.CoreNumber"/> (restoring it after), so they run in a collection that runs alone.
/// </summary>
[Collection(ProcessWideSettings.Name)]
public abstract class ReductionDeterminismTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    [Fact]
    public void Reductions_OneMillionElements_SameBitsOnOneAndTwoCores()
    {
        var t = new Tensor<T>(1_000_000).RandUniform(new RandomGenerator(42), -1, 1);
        var m = new Tensor<T>(1000, 700).RandUniform(new RandomGenerator(43), -1, 1);
        static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
        static double D(T x) => double.CreateTruncating(x);
        long[][] Compute() =>
        [
            Bits([D(t.Sum()), D(t.Mean()), D(t.Norm()), D(t.Norm(T.CreateTruncating(3))), D(t.Var()), D(t.Std()), D(t.Prod())]),
            Bits([D(m.T().Sum()), D(m.T().Var()), D(t.Narrow(0, 1, 999_998).Sum())]),
            Bits(Elements(m.Sum(0))), Bits(Elements(m.Sum(1))), Bits(Elements(m.T().Sum(1))), Bits(Elements(m.Max(0).Indices)),
            Bits(Elements(m.Max(1).Indices)), Bits(Elements(m.Std(1))), Bits(Elements(m.Var(0))), Bits(Elements(m.Sort(0).Indices)),
            Bits(Elements(m.TopK(5, 1, increase: false).Indices)),
        ];
        int old = Engine.CoreNumber;
        try
        {
            Engine.SetCoreNumber(1);
            var one = Compute();
            Engine.SetCoreNumber(2);
            var two = Compute();
            for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
            Close(Sum(Elements(t)), t.Sum(), "Sum of 1M");
        }
        finally
        {
            Engine.SetCoreNumber(old);
        }
    }
}

public sealed class ReductionDeterminismTestsFloat : ReductionDeterminismTests<float>;

public sealed class ReductionDeterminismTestsDouble : ReductionDeterminismTests<double>;
