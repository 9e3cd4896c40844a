using System.Numerics.Tensors;
using BigDL.Tensors;
using Tensor = BigDL.Tensors.Tensor<float>;

namespace BigDL.Benchmarks;

/// <summary>
/// Element-wise throughput (GB/s of memory traffic: inputs read plus output written) of Tensor operations on
/// 1M-element float tensors (out of place: c = a + b, c = a ⊙ b, c = tanh a), beside one plain single-threaded <see cref="TensorPrimitives"/> call on the same arrays.
/// </summary>
internal static class ElementwiseBenchmark
{
    private const int Length = 1 << 20;

    public static void Print(int[] threads)
    {
        var a = Tensor.Rand(new RandomGenerator(1), Length);
        var b = Tensor.Rand(new RandomGenerator(2), Length);
        var c = new Tensor(Length);
        float[] x = a.Storage!.Array, y = b.Storage!.Array, z = c.Storage!.Array;
        var cases = new (string Name, int Streams, Action Ours, Action Plain)[]
        {
            ("Add", 3, () => c.Add(a, 1f, b), () => TensorPrimitives.Add(x, y, z)),
            ("CMul", 3, () => c.CMul(a, b), () => TensorPrimitives.Multiply(x, y, z)),
            ("Tanh", 2, () => c.Tanh(a), () => TensorPrimitives.Tanh(x, z)),
        };
        Console.WriteLine($"## Element-wise, {Length:N0} floats, GB/s (median); plain = one TensorPrimitives call on one thread");
        Console.WriteLine();
        Console.WriteLine("| op | plain TensorPrimitives | " + string.Join(" | ", threads.Select(t => $"Tensor, {t} thread(s)")) + " |");
        Console.WriteLine("|---|---|" + string.Concat(threads.Select(_ => "---|")));
        int saved = Engine.CoreNumber;
        try
        {
            foreach (var (name, streams, ours, plain) in cases)
            {
                double bytes = (double)streams * sizeof(float) * Length;
                double plainRate = bytes / Timing.MedianSeconds(plain, 0.3) * 1e-9;
                var cells = new List<string>();
                foreach (int t in threads)
                {
                    Engine.SetCoreNumber(t);
                    double rate = bytes / Timing.MedianSeconds(ours, 0.3) * 1e-9;
                    cells.Add($"{rate:F1} ({rate / plainRate:P0})");
                }
                Console.WriteLine($"| {name} | {plainRate:F1} | {string.Join(" | ", cells)} |");
            }
        }
        finally
        {
            Engine.SetCoreNumber(saved);
        }
        Console.WriteLine();
    }
}
