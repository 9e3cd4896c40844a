using System.Numerics;
using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>
/// The direct and patch-packing paths against the unfolding path (im2col + GEMM) called directly, so each keeps its
/// coverage whichever path the layer dispatches a shape to: odd widths (vector tails), non-square and 1×1 kernels,
/// paddings up to beyond the kernel (the adjoint then crops), one and several images.
/// </summary>
public abstract class ConvolutionPathsTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Largest error allowed, relative to the largest magnitude of the reference.</summary>
    protected abstract double Tolerance { get; }

    /// <summary>cin, cout, kH, kW, padH, padW, height, width, images.</summary>
    public static TheoryData<int, int, int, int, int, int, int, int, int> Shapes => new()
    {
        { 1, 6, 5, 5, 0, 0, 28, 28, 2 },   // LeNet's first layer
        { 6, 12, 5, 5, 0, 0, 12, 12, 3 },  // LeNet's second layer
        { 2, 3, 3, 2, 1, 0, 7, 9, 1 },     // non-square kernel, one-sided padding
        { 3, 5, 1, 1, 0, 0, 4, 5, 2 },     // 1x1 kernel
        { 4, 4, 3, 3, 2, 2, 5, 3, 2 },     // padding 2 (the adjoint has none)
        { 2, 2, 3, 3, 3, 3, 3, 3, 1 },     // padding beyond the kernel (the adjoint crops)
        { 3, 7, 3, 3, 0, 0, 13, 19, 2 },   // rows of 11 and 17 outputs: vector tails
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Direct_MatchesUnfoldedConvolution(int cin, int cout, int kH, int kW, int padH, int padW, int height, int width, int images)
    {
        var c = new ConvolutionCase<T>(cin, cout, kH, kW, padH, padW, height, width, images);
        Assert.True(DirectConvolution<T>.Pays(c.G, cout));
        var direct = new DirectConvolution<T>();
        Check(c, (y, b) => direct.Forward(c.G, images, cout, c.Input, 0, c.Weight, b, y, 0),
            gx => direct.BackwardInput(c.G, images, cout, c.GradOutput, 0, c.Weight, gx, 0),
            (gw, gb, scale, biasScale) => direct.AccumulateParameters(c.G, images, cout, c.Input, 0, c.GradOutput, 0, scale, gw, biasScale, gb));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Patches_MatchUnfoldedConvolution(int cin, int cout, int kH, int kW, int padH, int padW, int height, int width, int images)
    {
        var c = new ConvolutionCase<T>(cin, cout, kH, kW, padH, padW, height, width, images);
        var patches = new PatchConvolution<T>();
        Check(c, (y, b) => patches.Forward(c.G, images, cout, c.Input, 0, c.Weight, b, y, 0),
            gx => patches.BackwardInput(c.G, images, cout, c.GradOutput, 0, c.Weight, gx, 0),
            (gw, gb, scale, biasScale) => patches.AccumulateParameters(c.G, images, cout, c.Input, 0, c.GradOutput, 0, scale, gw, biasScale, gb));
    }

    private void Check(ConvolutionCase<T> c, Action<T[], ReadOnlyMemory<T>> forward, Action<T[]> backwardInput, Action<T[], T[], T, T> accumulate)
    {
        var unfolded = new UnfoldedConvolution<T>();
        foreach (var bias in new[] { c.Bias, default(ReadOnlyMemory<T>) })
        {
            var (expected, actual) = (new T[c.OutputLength], ConvolutionCase<T>.Random(c.OutputLength, 8));
            unfolded.Forward(c.G, c.Images, 1, c.Cout, c.Input, 0, c.Weight, bias, expected, 0);
            forward(actual, bias);
            ConvolutionCase<T>.AssertClose(expected, actual, Tolerance, bias.IsEmpty ? "output without bias" : "output");
        }

        var (expectedInput, actualInput) = (new T[c.Input.Length], ConvolutionCase<T>.Random(c.Input.Length, 9));
        unfolded.BackwardInput(c.G, c.Images, 1, c.Cout, c.GradOutput, 0, c.Weight, expectedInput, 0);
        backwardInput(actualInput);
        ConvolutionCase<T>.AssertClose(expectedInput, actualInput, Tolerance, "gradInput");

        T scale = T.CreateTruncating(0.5), biasScale = T.CreateTruncating(2);
        var (expectedWeight, expectedBias) = (ConvolutionCase<T>.Random(c.Weight.Length, 5), ConvolutionCase<T>.Random(c.Cout, 6));
        var (actualWeight, actualBias) = ((T[])expectedWeight.Clone(), (T[])expectedBias.Clone());
        unfolded.AccumulateParameters(c.G, c.Images, 1, c.Cout, c.Input, 0, c.GradOutput, 0, scale, expectedWeight, biasScale, expectedBias);
        accumulate(actualWeight, actualBias, scale, biasScale);
        ConvolutionCase<T>.AssertClose(expectedWeight, actualWeight, Tolerance, "gradWeight");
        ConvolutionCase<T>.AssertClose(expectedBias, actualBias, Tolerance, "gradBias");
    }
}

public sealed class ConvolutionPathsFloatTests : ConvolutionPathsTests<float>
{
    protected override double Tolerance => 2e-5;
}

public sealed class ConvolutionPathsDoubleTests : ConvolutionPathsTests<double>
{
    protected override double Tolerance => 1e-13;
}
