using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Local response normalisation within each channel of [C, H, W] or [N, C, H, W]:
/// y = x / (1 + α/size² · Σ x²)^β, the sum over the size×size window centred on the pixel (zero outside the image).
/// </summary>
/// <remarks>
/// BigDL's <c>nn.SpatialWithinChannelLRN</c> (Caffe's WITHIN_CHANNEL LRN). Built from modules: the squared input is
/// averaged by a size×size <see cref="SpatialAveragePooling{T}"/> (stride 1, padding size/2, counting the padding).
/// </remarks>
public sealed class SpatialWithinChannelLRN<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _squares = new();
    private readonly Tensor<T> _scale = new();

    /// <summary>Creates the layer.</summary>
    /// <param name="size">Window side (odd, default 5).</param>
    /// <param name="alpha">Scale of the mean square (default 1).</param>
    /// <param name="beta">Exponent (default 0.75).</param>
    public SpatialWithinChannelLRN(int size = 5, double alpha = 1, double beta = 0.75) : base(new Tensor<T>(), new Tensor<T>())
    {
        if (size <= 0 || size % 2 == 0) throw new ArgumentOutOfRangeException(nameof(size), size, "size must be a positive odd number");
        (Size, Alpha, Beta) = (size, alpha, beta);
        AddModule(new SpatialAveragePooling<T>(size, size, 1, 1, size / 2, size / 2));
    }

    /// <summary>Window side.</summary>
    public int Size { get; }

    /// <summary>Scale of the mean square.</summary>
    public double Alpha { get; }

    /// <summary>Exponent.</summary>
    public double Beta { get; }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Dims(input, "input [C, H, W] or [N, C, H, W]", 3, 4);
        _squares.ResizeAs(input).Copy(input).Square();
        var mean = ForwardChild(0, _squares).ToTensor<T>();
        _scale.ResizeAs(mean).Copy(mean).Mul(T.CreateTruncating(Alpha)).Add(T.One);
        Output.ResizeAs(input).Copy(_scale).Pow(T.CreateTruncating(-Beta)).CMul(input);
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        // y = x·s^−β with s = 1 + α·mean(x²): dx = g·s^−β + 2x·α·pool′(−β·g·x·s^(−β−1)).
        var throughScale = gradOutput.Clone().CMul(input).CMul(_scale.Clone().Pow(T.CreateTruncating(-Beta - 1))).Mul(T.CreateTruncating(-Beta * Alpha));
        var pooled = BackwardChild(0, _squares, throughScale).ToTensor<T>();
        GradInput.ResizeAs(input).Copy(_scale).Pow(T.CreateTruncating(-Beta)).CMul(gradOutput).Add(pooled.Clone().CMul(input).Mul(T.CreateTruncating(2)));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Size}, {Alpha}, {Beta})");

    internal override string OneLine => ToString();
}
