using System.Numerics;
using BigDL.Native;

namespace BigDL.NN;

/// <summary>
/// Convolution as im2col + GEMM through the BLAS seam, for what <see cref="PatchConvolution{T}"/> does not cover
/// (several groups; the input gradient of a strided or dilated convolution). Each worker unfolds its chunks of
/// images into its own column matrix and runs single-threaded GEMMs on them; a worker keeps its forward columns for
/// the weight gradient when all of them fit <see cref="ConvolutionPlan.ColumnBudget"/> (the input must not change in
/// between, as in BigDL).
/// </summary>
internal sealed class UnfoldedConvolution<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private ConvolutionWorker<T>[] _workers = [];
    private KeptColumns? _kept;

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, ReadOnlyMemory<T> weight, ReadOnlyMemory<T> bias, T[] output, int outputOffset)
    {
        var plan = ConvolutionPlan.For(images, g.Positions, g.ColumnRows);
        var workers = ConvolutionWorker<T>.Ensure(ref _workers, plan.Workers);
        var shape = new Layout(g, groups, outPlanes);
        bool keep = KeepsColumns(plan, g);
        var geometry = g;
        Engine.For(plan.Workers, w =>
        {
            var worker = workers[w];
            var (first, last) = plan.ChunksOf(w);
            ReadOnlySpan<T> weights = weight.Span, biases = bias.Span;
            worker.EnsureColumns(geometry.ColumnRows * ColumnsOf(plan, w, keep, geometry));
            int column = 0;
            for (int chunk = first; chunk < last; chunk++)
            {
                var (image, count) = plan.ImagesOf(chunk);
                int ld = count * geometry.Positions;
                var columns = worker.Columns.AsSpan(keep ? geometry.ColumnRows * column : 0, geometry.ColumnRows * ld);
                Unfold(geometry, count, input, inputOffset + image * geometry.ImageSize, columns, ld);
                var result = output.AsSpan(outputOffset + image * outPlanes * geometry.Positions, count * outPlanes * geometry.Positions);
                var target = count == 1 ? result : worker.Gathered(outPlanes * ld);
                for (int grp = 0; grp < groups; grp++)
                    Blas.Gemm(false, false, shape.OutPerGroup, ld, shape.RowsPerGroup, T.One,
                        weights.Slice(grp * shape.OutPerGroup * shape.RowsPerGroup), shape.RowsPerGroup,
                        columns.Slice(grp * shape.RowsPerGroup * ld), ld, T.Zero, target.Slice(grp * shape.OutPerGroup * ld), ld);
                ConvolutionWorker<T>.WriteOutput(target, result, count, outPlanes, geometry.Positions, biases);
                column += ld;
            }
        });
        _kept = keep ? new KeptColumns(input, inputOffset, plan) : null;
    }

    /// <summary>gradInput[N, C, H, W] = transposed convolution of gradOutput with the weight.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] gradOutput, int gradOutputOffset, ReadOnlyMemory<T> weight, T[] gradInput, int gradInputOffset)
    {
        var plan = ConvolutionPlan.For(images, g.Positions, g.ColumnRows);
        var workers = ConvolutionWorker<T>.Ensure(ref _workers, plan.Workers);
        var shape = new Layout(g, groups, outPlanes);
        var geometry = g;
        Engine.For(plan.Workers, w =>
        {
            var worker = workers[w];
            var (first, last) = plan.ChunksOf(w);
            ReadOnlySpan<T> weights = weight.Span;
            for (int chunk = first; chunk < last; chunk++)
            {
                var (image, count) = plan.ImagesOf(chunk);
                int ld = count * geometry.Positions;
                var source = worker.Gather(gradOutput, gradOutputOffset + image * outPlanes * geometry.Positions, count, outPlanes, geometry.Positions);
                var gradColumns = worker.GradColumns(geometry.ColumnRows * ld);
                for (int grp = 0; grp < groups; grp++)
                    Blas.Gemm(true, false, shape.RowsPerGroup, ld, shape.OutPerGroup, T.One,
                        weights.Slice(grp * shape.OutPerGroup * shape.RowsPerGroup), shape.RowsPerGroup,
                        source.Slice(grp * shape.OutPerGroup * ld), ld, T.Zero, gradColumns.Slice(grp * shape.RowsPerGroup * ld), ld);
                var target = gradInput.AsSpan(gradInputOffset + image * geometry.ImageSize, count * geometry.ImageSize);
                target.Clear();
                for (int i = 0; i < count; i++)
                    for (int c = 0; c < geometry.Channels; c++)
                        Im2Col.Fold<T>(geometry, gradColumns, ld, i * geometry.Positions, target.Slice(i * geometry.ImageSize, geometry.ImageSize), c);
            }
        });
    }

    /// <summary>gradWeight += scale·gradOutput·columnsᵀ; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, T[] gradOutput, int gradOutputOffset, T scale, Memory<T> gradWeight, T biasScale, Memory<T> gradBias)
    {
        var plan = ConvolutionPlan.For(images, g.Positions, g.ColumnRows);
        var workers = ConvolutionWorker<T>.Ensure(ref _workers, plan.Workers);
        var shape = new Layout(g, groups, outPlanes);
        bool reuse = _kept is { } kept && kept.Matches(input, inputOffset, plan);
        int weightLength = gradWeight.Length, biasLength = gradBias.Length;
        var geometry = g;
        Engine.For(plan.Workers, w =>
        {
            var worker = workers[w];
            var (first, last) = plan.ChunksOf(w);
            var partialWeight = worker.PartialWeight(weightLength);
            var partialBias = worker.PartialBias(biasLength);
            if (!reuse) worker.EnsureColumns(geometry.ColumnRows * ColumnsOf(plan, w, false, geometry));
            int column = 0;
            for (int chunk = first; chunk < last; chunk++)
            {
                var (image, count) = plan.ImagesOf(chunk);
                int ld = count * geometry.Positions;
                var columns = worker.Columns.AsSpan(reuse ? geometry.ColumnRows * column : 0, geometry.ColumnRows * ld);
                if (!reuse) Unfold(geometry, count, input, inputOffset + image * geometry.ImageSize, columns, ld);
                var source = worker.Gather(gradOutput, gradOutputOffset + image * outPlanes * geometry.Positions, count, outPlanes, geometry.Positions);
                T beta = chunk == first ? T.Zero : T.One;
                for (int grp = 0; grp < groups; grp++)
                    Blas.Gemm(false, true, shape.OutPerGroup, shape.RowsPerGroup, ld, T.One,
                        source.Slice(grp * shape.OutPerGroup * ld), ld, columns.Slice(grp * shape.RowsPerGroup * ld), ld,
                        beta, partialWeight.Slice(grp * shape.OutPerGroup * shape.RowsPerGroup), shape.RowsPerGroup);
                ConvolutionWorker<T>.SumPlanes(source, ld, partialBias, accumulate: chunk != first);
                column += ld;
            }
        });
        ConvolutionWorker<T>.AddPartials(workers, plan, scale, gradWeight.Span, biasScale, gradBias.Span);
    }

    private static void Unfold(in ConvolutionGeometry g, int count, T[] input, int offset, Span<T> columns, int ld)
    {
        for (int i = 0; i < count; i++)
            for (int c = 0; c < g.Channels; c++)
                Im2Col.Unfold<T>(g, input.AsSpan(offset + i * g.ImageSize, g.ImageSize), columns, ld, i * g.Positions, c);
    }

    /// <summary>Column-matrix width a worker needs: all its chunks side by side when kept, else one chunk.</summary>
    private static int ColumnsOf(in ConvolutionPlan plan, int worker, bool keep, in ConvolutionGeometry g)
    {
        if (!keep) return plan.PerChunk * g.Positions;
        var (first, last) = plan.ChunksOf(worker);
        int images = 0;
        for (int chunk = first; chunk < last; chunk++) images += plan.ImagesOf(chunk).Count;
        return images * g.Positions;
    }

    /// <summary>Whether every worker's columns for all its chunks fit the budget.</summary>
    private static bool KeepsColumns(in ConvolutionPlan plan, in ConvolutionGeometry g) =>
        (long)g.ColumnRows * g.Positions * plan.PerChunk * ((plan.Chunks + plan.Workers - 1) / plan.Workers) <= ConvolutionPlan.ColumnBudget;

    /// <summary>The GEMM shape per group: output planes and column rows (inPerGroup·kH·kW).</summary>
    private readonly record struct Layout(int OutPerGroup, int RowsPerGroup)
    {
        public Layout(in ConvolutionGeometry g, int groups, int outPlanes) : this(outPlanes / groups, g.ColumnRows / groups)
        {
        }
    }

    /// <summary>Which forward call the workers' kept columns belong to.</summary>
    private sealed record KeptColumns(T[] Input, int Offset, ConvolutionPlan Plan)
    {
        public bool Matches(T[] input, int offset, ConvolutionPlan plan) => ReferenceEquals(Input, input) && Offset == offset && Plan == plan;
    }
}
