using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Local response normalisation across channels of [C, H, W] or [N, C, H, W]:
/// y_c = x_c / (k + α/size · Σ x_j²)^β, the sum over the <c>size</c> channels centred on c (clipped at the edges).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.SpatialCrossMapLRN</c> (AlexNet's and GoogLeNet's LRN; PyTorch <c>nn.LocalResponseNorm</c>).</remarks>
public sealed class SpatialCrossMapLRN<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _scale = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="size">Channels in each window (odd, default 5).</param>
    /// <param name="alpha">Scale of the sum of squares (default 1).</param>
    /// <param name="beta">Exponent (default 0.75).</param>
    /// <param name="k">Additive constant (default 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">size is not a positive odd number.</exception>
    public SpatialCrossMapLRN(int size = 5, double alpha = 1, double beta = 0.75, double k = 1)
    {
        if (size <= 0 || size % 2 == 0) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be a positive odd number");
        (Size, Alpha, Beta, K) = (size, alpha, beta, k);
    }

    /// <summary>Channels in each window.</summary>
    public int Size { get; }

    /// <summary>Scale of the sum of squares.</summary>
    public double Alpha { get; }

    /// <summary>Exponent.</summary>
    public double Beta { get; }

    /// <summary>Additive constant.</summary>
    public double K { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (n, c, plane) = Layout(input);
        var x = input.Contiguous().AsSpan();
        Output.ResizeAs(input);
        _scale.ResizeAs(input);
        var y = Output.AsSpan();
        var s = _scale.AsSpan();
        int half = Size / 2;
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++)
                for (int p = 0; p < plane; p++)
                {
                    double sum = 0;
                    for (int j = Math.Max(0, ch - half); j <= Math.Min(c - 1, ch + half); j++)
                    {
                        double v = double.CreateTruncating(x[(b * c + j) * plane + p]);
                        sum += v * v;
                    }
                    int at = (b * c + ch) * plane + p;
                    double scale = K + Alpha / Size * sum;
                    s[at] = T.CreateTruncating(scale);
                    y[at] = T.CreateTruncating(double.CreateTruncating(x[at]) * Math.Pow(scale, -Beta));
                }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (n, c, plane) = Layout(input);
        Require.SameShape(gradOutput, Output);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        var y = Output.AsSpan();
        var s = _scale.AsSpan();
        GradInput.ResizeAs(input);
        var dx = GradInput.AsSpan();
        int half = Size / 2;
        double factor = 2 * Alpha * Beta / Size;
        for (int b = 0; b < n; b++)
            for (int ch = 0; ch < c; ch++)
                for (int p = 0; p < plane; p++)
                {
                    int at = (b * c + ch) * plane + p;
                    // x_ch appears in the windows of channels ch - half … ch + half.
                    double cross = 0;
                    for (int j = Math.Max(0, ch - half); j <= Math.Min(c - 1, ch + half); j++)
                    {
                        int other = (b * c + j) * plane + p;
                        cross += double.CreateTruncating(g[other]) * double.CreateTruncating(y[other]) / double.CreateTruncating(s[other]);
                    }
                    dx[at] = T.CreateTruncating(double.CreateTruncating(g[at]) * Math.Pow(double.CreateTruncating(s[at]), -Beta)
                        - factor * double.CreateTruncating(x[at]) * cross);
                }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Size}, {Alpha}, {Beta}, {K})");

    private static (int N, int C, int Plane) Layout(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        return input.Dim() == 3 ? (1, input.Size(0), input.Size(1) * input.Size(2)) : (input.Size(0), input.Size(1), input.Size(2) * input.Size(3));
    }
}
