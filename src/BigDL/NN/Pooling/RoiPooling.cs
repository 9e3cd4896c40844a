using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Region-of-interest max pooling (Fast R-CNN): for a table (features [N, C, H, W], rois [R, 5]) each roi row
/// (batchIndex, x1, y1, x2, y2), in input-image coordinates scaled by <c>spatialScale</c>, is divided into
/// pooledH×pooledW bins and each bin max-pooled, giving [R, C, pooledH, pooledW].
/// </summary>
/// <remarks>
/// BigDL's <c>nn.RoiPooling</c>. The batch index is 0-based here (BigDL's is 1-based). Roi corners are rounded as
/// BigDL does; an empty bin gives 0. The gradient goes to the features; the rois get a zero gradient.
/// </remarks>
/// <param name="pooledW">Bins across.</param>
/// <param name="pooledH">Bins down.</param>
/// <param name="spatialScale">Factor from roi coordinates to feature-map coordinates (e.g. 1/16).</param>
public sealed class RoiPooling<T>(int pooledW, int pooledH, double spatialScale) : AbstractModule<Table, Tensor<T>, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _argmax = [];

    /// <summary>Bins across.</summary>
    public int PooledW { get; } = pooledW > 0 ? pooledW : throw new ArgumentOutOfRangeException(nameof(pooledW), pooledW, "pooledW must be positive");

    /// <summary>Bins down.</summary>
    public int PooledH { get; } = pooledH > 0 ? pooledH : throw new ArgumentOutOfRangeException(nameof(pooledH), pooledH, "pooledH must be positive");

    /// <summary>Factor from roi to feature-map coordinates.</summary>
    public double SpatialScale { get; } = spatialScale;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (data, rois) = Check(input);
        int n = data.Size(0), c = data.Size(1), h = data.Size(2), w = data.Size(3), r = rois.Size(0);
        var x = data.Contiguous().AsSpan();
        Output.Resize(r, c, PooledH, PooledW);
        var y = Output.AsSpan();
        if (_argmax.Length < y.Length) _argmax = new int[y.Length];
        for (int i = 0; i < r; i++)
        {
            int batch = (int)double.CreateTruncating(rois[i, 0]);
            if (batch < 0 || batch >= n)
                throw new ArgumentException($"roi {i} has batch index {batch}, outside [0, {n}) (0-based)", "input");
            int x1 = Round(rois[i, 1]), y1 = Round(rois[i, 2]), x2 = Round(rois[i, 3]), y2 = Round(rois[i, 4]);
            double binH = Math.Max(y2 - y1 + 1, 1) / (double)PooledH, binW = Math.Max(x2 - x1 + 1, 1) / (double)PooledW;
            for (int ch = 0; ch < c; ch++)
                for (int ph = 0; ph < PooledH; ph++)
                    for (int pw = 0; pw < PooledW; pw++)
                    {
                        int hs = Math.Clamp((int)Math.Floor(ph * binH) + y1, 0, h), he = Math.Clamp((int)Math.Ceiling((ph + 1) * binH) + y1, 0, h);
                        int ws = Math.Clamp((int)Math.Floor(pw * binW) + x1, 0, w), we = Math.Clamp((int)Math.Ceiling((pw + 1) * binW) + x1, 0, w);
                        T best = T.Zero;
                        int at = -1;
                        for (int yy = hs; yy < he; yy++)
                            for (int xx = ws; xx < we; xx++)
                            {
                                int index = ((batch * c + ch) * h + yy) * w + xx;
                                if (at < 0 || x[index] > best)
                                {
                                    best = x[index];
                                    at = index;
                                }
                            }
                        int o = ((i * c + ch) * PooledH + ph) * PooledW + pw;
                        y[o] = best;
                        _argmax[o] = at;
                    }
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (data, rois) = Check(input);
        Require.SameShape(gradOutput, Output);
        var gradData = new Tensor<T>(data.Size());
        var dx = gradData.AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        for (int o = 0; o < g.Length; o++)
            if (_argmax[o] >= 0) dx[_argmax[o]] += g[o];
        GradInput.Truncate(0).Insert(gradData).Insert(new Tensor<T>(rois.Size()));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({PooledW}, {PooledH}, {SpatialScale})");

    private int Round(T coordinate) => (int)Math.Round(double.CreateTruncating(coordinate) * SpatialScale, MidpointRounding.AwayFromZero);

    private static (Tensor<T> Data, Tensor<T> Rois) Check(Table input)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> data || input[1] is not Tensor<T> rois || data.Dim() != 4 || rois.Dim() != 2 || rois.Size(1) != 5)
            throw new ArgumentException($"expected a table (features [N, C, H, W], rois [R, 5]), got {Activity.Describe(input)}", nameof(input));
        return (data, rois);
    }
}
