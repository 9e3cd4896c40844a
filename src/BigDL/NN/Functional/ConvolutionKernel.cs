using System.Numerics;
using BigDL.Native;

namespace BigDL.NN;

/// <summary>
/// 2-d convolution of a batch of images as im2col + GEMM: several images are unfolded side by side into one column
/// matrix (up to <see cref="ColumnBudget"/> values) so each group needs one large GEMM per chunk instead of one small
/// GEMM per image. The forward pass of layers with few weights per output plane convolves directly instead (see
/// <see cref="DirectConvolution"/>). Unfolding and folding run in parallel over (image, channel); the GEMMs use the
/// BLAS provider's threads. Buffers live in this object and are reused, so steady-state calls allocate nothing large.
/// The forward columns are kept for the weight gradient when the whole batch fitted in one chunk (the input must not
/// change in between, as in BigDL).
/// </summary>
/// <remarks>Weights are [groups, outPerGroup, inPerGroup, kH, kW] and contiguous, as in BigDL's SpatialConvolution.</remarks>
internal sealed class ConvolutionKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Largest column matrix (values) a chunk may use: 2M values (8 MB of floats).</summary>
    internal const int ColumnBudget = 1 << 21;

    private T[] _columns = [];
    private T[] _gradColumns = [];
    private T[] _gathered = [];
    private T[] _padded = [];
    private T[] _directWeight = [];
    private T[] _directBias = [];
    private T[]? _columnsInput;
    private int _columnsInputOffset = -1;

    /// <summary>The column buffer (exposed for tests of buffer reuse).</summary>
    internal T[] Columns => _columns;

    /// <summary>output[N, outPlanes, oH, oW] = conv(input[N, C, H, W], weight) + bias.</summary>
    public void Forward(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, ReadOnlySpan<T> weight, ReadOnlySpan<T> bias, T[] output, int outputOffset)
    {
        if (DirectConvolution.Suits<T>(g, groups, outPlanes))
        {
            ForwardDirect(g, images, outPlanes, input, inputOffset, weight, bias, output, outputOffset);
            return;
        }
        int positions = g.Positions, chunk = Chunk(g, images);
        int rowsPerGroup = g.ColumnRows / groups, outPerGroup = outPlanes / groups;
        for (int first = 0; first < images; first += chunk)
        {
            int count = Math.Min(chunk, images - first), ld = count * positions;
            Unfold(g, count, input, inputOffset + first * g.ImageSize, ld);
            var target = count == 1 ? output.AsSpan(outputOffset + first * outPlanes * positions, outPlanes * positions) : Gathered(outPlanes * ld);
            for (int grp = 0; grp < groups; grp++)
                Blas.Gemm(false, false, outPerGroup, ld, rowsPerGroup, T.One,
                    weight.Slice(grp * outPerGroup * rowsPerGroup), rowsPerGroup,
                    _columns.AsSpan(grp * rowsPerGroup * ld), ld, T.Zero, target.Slice(grp * outPerGroup * ld), ld);
            if (count > 1) Scatter(target, output.AsSpan(outputOffset + first * outPlanes * positions), count, outPlanes, positions);
        }
        _columnsInput = chunk >= images ? input : null;
        _columnsInputOffset = inputOffset;
        if (bias.IsEmpty) return;
        var all = output.AsSpan(outputOffset, images * outPlanes * positions);
        for (int i = 0; i < images; i++)
            for (int c = 0; c < outPlanes; c++)
            {
                var row = all.Slice((i * outPlanes + c) * positions, positions);
                T b = bias[c];
                for (int p = 0; p < row.Length; p++) row[p] += b;
            }
    }

    /// <summary>gradInput[N, C, H, W] = transposed convolution of gradOutput with the weight.</summary>
    public void BackwardInput(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] gradOutput, int gradOutputOffset, ReadOnlySpan<T> weight, T[] gradInput, int gradInputOffset)
    {
        int positions = g.Positions, chunk = Chunk(g, images);
        int rowsPerGroup = g.ColumnRows / groups, outPerGroup = outPlanes / groups;
        gradInput.AsSpan(gradInputOffset, images * g.ImageSize).Clear();
        if (_gradColumns.Length < g.ColumnRows * Math.Min(chunk, images) * positions) _gradColumns = new T[g.ColumnRows * Math.Min(chunk, images) * positions];
        for (int first = 0; first < images; first += chunk)
        {
            int count = Math.Min(chunk, images - first), ld = count * positions;
            var source = GatherGradOutput(gradOutput, gradOutputOffset + first * outPlanes * positions, count, outPlanes, positions);
            for (int grp = 0; grp < groups; grp++)
                Blas.Gemm(true, false, rowsPerGroup, ld, outPerGroup, T.One,
                    weight.Slice(grp * outPerGroup * rowsPerGroup), rowsPerGroup,
                    source.Slice(grp * outPerGroup * ld), ld, T.Zero, _gradColumns.AsSpan(grp * rowsPerGroup * ld), ld);
            Fold(g, count, gradInput, gradInputOffset + first * g.ImageSize, ld);
        }
    }

    /// <summary>gradWeight += scale·gradOutput·columnsᵀ; gradBias += biasScale·Σ gradOutput per plane.</summary>
    public void AccumulateParameters(in ConvolutionGeometry g, int images, int groups, int outPlanes,
        T[] input, int inputOffset, T[] gradOutput, int gradOutputOffset, T scale, Span<T> gradWeight, T biasScale, Span<T> gradBias)
    {
        int positions = g.Positions, chunk = Chunk(g, images);
        int rowsPerGroup = g.ColumnRows / groups, outPerGroup = outPlanes / groups;
        bool reuse = ReferenceEquals(_columnsInput, input) && _columnsInputOffset == inputOffset && chunk >= images;
        for (int first = 0; first < images; first += chunk)
        {
            int count = Math.Min(chunk, images - first), ld = count * positions;
            if (!reuse) Unfold(g, count, input, inputOffset + first * g.ImageSize, ld);
            var source = GatherGradOutput(gradOutput, gradOutputOffset + first * outPlanes * positions, count, outPlanes, positions);
            for (int grp = 0; grp < groups; grp++)
                Blas.Gemm(false, true, outPerGroup, rowsPerGroup, ld, scale,
                    source.Slice(grp * outPerGroup * ld), ld, _columns.AsSpan(grp * rowsPerGroup * ld), ld,
                    T.One, gradWeight.Slice(grp * outPerGroup * rowsPerGroup), rowsPerGroup);
            if (gradBias.IsEmpty) continue;
            for (int c = 0; c < outPlanes; c++)
            {
                var row = source.Slice(c * ld, ld);
                T sum = T.Zero;
                for (int p = 0; p < row.Length; p++) sum += row[p];
                gradBias[c] += biasScale * sum;
            }
        }
    }

    private void ForwardDirect(in ConvolutionGeometry g, int images, int outPlanes, T[] input, int inputOffset, ReadOnlySpan<T> weight,
        ReadOnlySpan<T> bias, T[] output, int outputOffset)
    {
        _columnsInput = null;
        if (_padded.Length < DirectConvolution.PaddedLength(g, images)) _padded = new T[DirectConvolution.PaddedLength(g, images)];
        if (_directWeight.Length != weight.Length) _directWeight = new T[weight.Length];
        weight.CopyTo(_directWeight);
        if (_directBias.Length != bias.Length) _directBias = new T[bias.Length];
        bias.CopyTo(_directBias);
        DirectConvolution.Forward(g, images, outPlanes, input, inputOffset, _directWeight, bias.IsEmpty ? null : _directBias, output, outputOffset, _padded);
    }

    private static int Chunk(in ConvolutionGeometry g, int images) =>
        Math.Clamp(ColumnBudget / Math.Max(g.ColumnRows * g.Positions, 1), 1, Math.Max(images, 1));

    private void EnsureColumns(int length)
    {
        if (_columns.Length < length) _columns = new T[length];
    }

    private Span<T> Gathered(int length)
    {
        if (_gathered.Length < length) _gathered = new T[length];
        return _gathered.AsSpan(0, length);
    }

    /// <summary>gradOutput of <paramref name="count"/> images as one [outPlanes, count·positions] matrix.</summary>
    private Span<T> GatherGradOutput(T[] gradOutput, int offset, int count, int outPlanes, int positions)
    {
        if (count == 1) return gradOutput.AsSpan(offset, outPlanes * positions);
        int ld = count * positions;
        var gathered = Gathered(outPlanes * ld);
        for (int i = 0; i < count; i++)
            for (int c = 0; c < outPlanes; c++)
                gradOutput.AsSpan(offset + (i * outPlanes + c) * positions, positions).CopyTo(gathered.Slice(c * ld + i * positions));
        return gathered;
    }

    /// <summary>[outPlanes, count·positions] back to count images of [outPlanes, positions].</summary>
    private static void Scatter(ReadOnlySpan<T> gathered, Span<T> output, int count, int outPlanes, int positions)
    {
        int ld = count * positions;
        for (int i = 0; i < count; i++)
            for (int c = 0; c < outPlanes; c++)
                gathered.Slice(c * ld + i * positions, positions).CopyTo(output.Slice((i * outPlanes + c) * positions));
    }

    private void Unfold(ConvolutionGeometry g, int count, T[] input, int offset, int ld)
    {
        EnsureColumns(g.ColumnRows * ld);
        var columns = _columns;
        int work = count * g.Channels;
        if (work == 1 || (long)g.ColumnRows * ld < 1 << 15)
            for (int w = 0; w < work; w++) Im2Col.Unfold<T>(g, input.AsSpan(offset + w / g.Channels * g.ImageSize, g.ImageSize), columns, ld, w / g.Channels * g.Positions, w % g.Channels);
        else
            Parallel.For(0, work, Engine.ParallelOptions, w =>
                Im2Col.Unfold<T>(g, input.AsSpan(offset + w / g.Channels * g.ImageSize, g.ImageSize), columns, ld, w / g.Channels * g.Positions, w % g.Channels));
    }

    private void Fold(ConvolutionGeometry g, int count, T[] gradInput, int offset, int ld)
    {
        var columns = _gradColumns;
        int work = count * g.Channels;
        if (work == 1 || (long)g.ColumnRows * ld < 1 << 15)
            for (int w = 0; w < work; w++) Im2Col.Fold<T>(g, columns, ld, w / g.Channels * g.Positions, gradInput.AsSpan(offset + w / g.Channels * g.ImageSize, g.ImageSize), w % g.Channels);
        else
            Parallel.For(0, work, Engine.ParallelOptions, w =>
                Im2Col.Fold<T>(g, columns, ld, w / g.Channels * g.Positions, gradInput.AsSpan(offset + w / g.Channels * g.ImageSize, g.ImageSize), w % g.Channels));
    }
}
