
namespace BigDL.NN;

/// <summary>
/// How a convolution's batch is cut and shared among the Engine's cores: <see cref="Chunks"/> chunks of
/// <see cref="PerChunk"/> whole images (the last may be short), one GEMM each; worker w takes the contiguous chunks
/// [w·Chunks/Workers, (w+1)·Chunks/Workers). The plan depends only on the sizes and the core number, so a given core
/// number always sums partial results in the same order and gives the same bits.
/// </summary>
internal readonly record struct ConvolutionPlan(int Images, int PerChunk, int Chunks, int Workers)
{
    /// <summary>Images are grouped into one GEMM until it has at least this many columns (output positions).</summary>
    public const int MinChunkColumns = 256;

    /// <summary>Largest column matrix (values) one worker of the unfolding path may hold: 2M values (8 MB of floats).</summary>
    public const int ColumnBudget = 1 << 21;

    /// <summary>
    /// The plan for <paramref name="images"/> images of <paramref name="positions"/> output positions each, whose
    /// unfolded columns would have <paramref name="columnRows"/> rows.
    /// </summary>
    public static ConvolutionPlan For(int images, int positions, int columnRows)
    {
        int perChunk = Math.Clamp((MinChunkColumns + positions - 1) / positions, 1, Math.Max(1, ColumnBudget / Math.Max(1, columnRows * positions)));
        int cores = Engine.OnWorker ? 1 : Engine.CoreNumber;
        perChunk = Math.Min(perChunk, Math.Max(1, (images + cores - 1) / cores));
        int chunks = (images + perChunk - 1) / perChunk;
        return new ConvolutionPlan(images, perChunk, chunks, Math.Max(1, Math.Min(cores, chunks)));
    }

    /// <summary>
    /// Workers for <paramref name="items"/> whole items (images, rows): the Engine's cores, one inside a parallel
    /// loop (the Winograd and direct paths, which split by images without chunking).
    /// </summary>
    public static int WorkersFor(int items) => Math.Max(1, Math.Min(Engine.OnWorker ? 1 : Engine.CoreNumber, items));

    /// <summary>Items [First, Last) of worker <paramref name="part"/> of <paramref name="parts"/>: contiguous, near-equal shares.</summary>
    public static (int First, int Last) Share(int items, int parts, int part) => (items * part / parts, items * (part + 1) / parts);

    /// <summary>The chunks of worker <paramref name="worker"/>.</summary>
    public (int First, int Last) ChunksOf(int worker) =>
        ((int)((long)Chunks * worker / Workers), (int)((long)Chunks * (worker + 1) / Workers));

    /// <summary>The first image of <paramref name="chunk"/> and how many it holds.</summary>
    public (int Image, int Count) ImagesOf(int chunk) => (chunk * PerChunk, Math.Min(PerChunk, Images - chunk * PerChunk));
}
