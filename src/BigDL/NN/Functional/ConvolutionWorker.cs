using System.Numerics;
using System.Numerics.Tensors;
using BigDL.Native.Managed;

namespace BigDL.NN;

/// <summary>One worker's reusable convolution buffers; grown on demand, never shrunk, so steady state allocates nothing.</summary>
internal sealed class ConvolutionWorker<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _padded = [];
    private T[] _gradColumns = [];
    private T[] _gathered = [];
    private T[] _partialWeight = [];
    private T[] _partialBias = [];

    /// <summary>This worker's GEMM with a per-chunk A (the gradient of the output, for the weight gradient).</summary>
    public PrepackedGemm<T> Gemm { get; } = new();

    /// <summary>Unfolded columns (the unfolding path).</summary>
    public T[] Columns { get; private set; } = [];

    public void EnsureColumns(int length)
    {
        if (Columns.Length < length) Columns = new T[length];
    }

    /// <summary>A pinned buffer for padded images (GEMMs pack from it through raw pointers).</summary>
    public T[] Padded(int length)
    {
        if (_padded.Length < length) _padded = GC.AllocateUninitializedArray<T>(length, pinned: true);
        return _padded;
    }

    public Span<T> GradColumns(int length) => Grow(ref _gradColumns, length);

    public Span<T> Gathered(int length) => Grow(ref _gathered, length);

    public Span<T> PartialWeight(int length) => Grow(ref _partialWeight, length);

    public Span<T> PartialBias(int length) => Grow(ref _partialBias, length);

    /// <summary>
    /// <paramref name="count"/> images of [planes, positions] as one [planes, count·positions] matrix: the images
    /// themselves when there is one, else gathered into this worker's buffer.
    /// </summary>
    public Span<T> Gather(T[] images, int offset, int count, int planes, int positions)
    {
        if (count == 1) return images.AsSpan(offset, planes * positions);
        int ld = count * positions;
        var gathered = Gathered(planes * ld);
        for (int i = 0; i < count; i++)
            for (int c = 0; c < planes; c++)
                images.AsSpan(offset + (i * planes + c) * positions, positions).CopyTo(gathered.Slice(c * ld + i * positions));
        return gathered;
    }

    /// <summary>
    /// Puts a chunk's GEMM result into its <paramref name="count"/> output images — <paramref name="result"/> itself when
    /// the chunk is one image, else scattered from the gathered [planes, count·positions] matrix — and adds the bias.
    /// </summary>
    public static void WriteOutput(ReadOnlySpan<T> result, Span<T> images, int count, int planes, int positions, ReadOnlySpan<T> bias)
    {
        int ld = count * positions;
        if (count > 1)
            for (int i = 0; i < count; i++)
                for (int c = 0; c < planes; c++)
                    result.Slice(c * ld + i * positions, positions).CopyTo(images.Slice((i * planes + c) * positions));
        for (int i = 0; i < count && bias.Length > 0; i++)
            for (int c = 0; c < planes; c++)
            {
                var row = images.Slice((i * planes + c) * positions, positions);
                TensorPrimitives.Add(row, bias[c], row);
            }
    }

    /// <summary>sums[c] (+)= Σ of row c of a [sums.Length, ld] matrix.</summary>
    public static void SumPlanes(ReadOnlySpan<T> planes, int ld, Span<T> sums, bool accumulate)
    {
        for (int c = 0; c < sums.Length; c++)
        {
            T sum = TensorPrimitives.Sum<T>(planes.Slice(c * ld, ld));
            sums[c] = accumulate ? sums[c] + sum : sum;
        }
    }

    /// <summary>
    /// gradWeight += scale·Σ partial weights, gradBias += biasScale·Σ partial biases over the workers that had chunks,
    /// added in worker order so a given core number always gives the same bits.
    /// </summary>
    public static void AddPartials(ConvolutionWorker<T>[] workers, in ConvolutionPlan plan, T scale, Span<T> gradWeight, T biasScale, Span<T> gradBias)
    {
        for (int w = 0; w < plan.Workers; w++)
        {
            if (plan.ChunksOf(w).First == plan.ChunksOf(w).Last) continue;
            TensorPrimitives.MultiplyAdd(workers[w].PartialWeight(gradWeight.Length), scale, gradWeight, gradWeight);
            if (!gradBias.IsEmpty) TensorPrimitives.MultiplyAdd(workers[w].PartialBias(gradBias.Length), biasScale, gradBias, gradBias);
        }
    }

    /// <summary>Makes <paramref name="workers"/> hold at least <paramref name="count"/> workers, keeping the existing ones.</summary>
    public static ConvolutionWorker<T>[] Ensure(ref ConvolutionWorker<T>[] workers, int count)
    {
        if (workers.Length >= count) return workers;
        var grown = new ConvolutionWorker<T>[count];
        for (int w = 0; w < count; w++) grown[w] = w < workers.Length ? workers[w] : new ConvolutionWorker<T>();
        return workers = grown;
    }

    private static Span<T> Grow(ref T[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new T[length];
        return buffer.AsSpan(0, length);
    }
}
