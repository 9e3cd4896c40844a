using System.Numerics;
using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>
/// Winograd's F(2×2, 3×3) against the unfolding path (im2col + GEMM, an independent computation) on odd sizes,
/// paddings 0 to 3, one and several images, plane counts off the vector width, several chunks of tiles per image and
/// several GEMM depth blocks.
/// </summary>
public abstract class WinogradConvolutionTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Largest error allowed, relative to the largest magnitude of the reference.</summary>
    protected abstract double Tolerance { get; }

    /// <summary>cin, cout, height, width, padding, images.</summary>
    public static TheoryData<int, int, int, int, int, int> Shapes => new()
    {
        { 3, 5, 5, 7, 1, 2 },      // odd output, planes off the vector width
        { 17, 9, 4, 4, 0, 1 },     // no padding: a 2×2 output, one tile
        { 9, 33, 6, 5, 2, 3 },     // padding 2, output planes over one GEMM panel
        { 20, 20, 2, 2, 1, 4 },    // one tile per image, tiles of many images in one panel
        { 1, 1, 3, 3, 0, 1 },      // a 1×1 output: three of the tile's four values dropped
        { 260, 12, 2, 3, 1, 2 },   // more input planes than one GEMM depth block
        { 4, 6, 30, 29, 1, 2 },    // more tiles per image than one chunk
        { 5, 7, 3, 4, 3, 2 },      // padding beyond the kernel: the adjoint crops instead of padding
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_MatchesUnfoldedConvolution(int cin, int cout, int height, int width, int pad, int images)
    {
        var c = new ConvolutionCase<T>(cin, cout, 3, 3, pad, pad, height, width, images);
        var expected = new T[c.OutputLength];
        var actual = new T[c.OutputLength];
        new UnfoldedConvolution<T>().Forward(c.G, images, 1, cout, c.Input, 0, c.Weight, c.Bias, expected, 0);
        new WinogradConvolution<T>().Forward(c.G, images, cout, c.Input, 0, c.Weight, c.Bias, actual, 0);
        ConvolutionCase<T>.AssertClose(expected, actual, Tolerance, "output");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void BackwardInput_MatchesUnfoldedConvolution(int cin, int cout, int height, int width, int pad, int images)
    {
        var c = new ConvolutionCase<T>(cin, cout, 3, 3, pad, pad, height, width, images);
        var expected = new T[c.Input.Length];
        var actual = ConvolutionCase<T>.Random(c.Input.Length, 99); // overwritten, never read
        new UnfoldedConvolution<T>().BackwardInput(c.G, images, 1, cout, c.GradOutput, 0, c.Weight, expected, 0);
        new WinogradConvolution<T>().BackwardInput(c.G, images, cout, c.GradOutput, 0, c.Weight, actual, 0);
        ConvolutionCase<T>.AssertClose(expected, actual, Tolerance, "gradInput");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void AccumulateParameters_AddsScaledGradientsLikeUnfoldedConvolution(int cin, int cout, int height, int width, int pad, int images)
    {
        var c = new ConvolutionCase<T>(cin, cout, 3, 3, pad, pad, height, width, images);
        T scale = T.CreateTruncating(0.5), biasScale = T.CreateTruncating(2);
        var (expectedWeight, expectedBias) = (ConvolutionCase<T>.Random(c.Weight.Length, 5), ConvolutionCase<T>.Random(cout, 6));
        var (actualWeight, actualBias) = ((T[])expectedWeight.Clone(), (T[])expectedBias.Clone());
        new UnfoldedConvolution<T>().AccumulateParameters(c.G, images, 1, cout, c.Input, 0, c.GradOutput, 0, scale, expectedWeight, biasScale, expectedBias);
        new WinogradConvolution<T>().AccumulateParameters(c.G, images, cout, c.Input, 0, c.GradOutput, 0, scale, actualWeight, biasScale, actualBias);
        ConvolutionCase<T>.AssertClose(expectedWeight, actualWeight, Tolerance, "gradWeight");
        ConvolutionCase<T>.AssertClose(expectedBias, actualBias, Tolerance, "gradBias");
    }

    [Fact]
    public void Forward_AtAnOffsetInsideLargerArrays_WritesOnlyItsOutput()
    {
        var c = new ConvolutionCase<T>(18, 18, 3, 3, 1, 1, 8, 8, 2);
        var input = new T[c.Input.Length + 7];
        c.Input.CopyTo(input, 7);
        var output = new T[c.OutputLength + 9];
        Array.Fill(output, T.CreateTruncating(42));
        var expected = new T[c.OutputLength];
        new UnfoldedConvolution<T>().Forward(c.G, 2, 1, 18, c.Input, 0, c.Weight, c.Bias, expected, 0);
        new WinogradConvolution<T>().Forward(c.G, 2, 18, input, 7, c.Weight, c.Bias, output, 4);
        ConvolutionCase<T>.AssertClose(expected, output.AsSpan(4, c.OutputLength).ToArray(), Tolerance, "output");
        Assert.All(output[..4].Concat(output[(4 + c.OutputLength)..]), v => Assert.Equal(T.CreateTruncating(42), v));
    }

    [Fact]
    public void Forward_WithoutBias_MatchesUnfoldedConvolution()
    {
        var c = new ConvolutionCase<T>(16, 24, 3, 3, 1, 1, 6, 6, 3);
        var expected = new T[c.OutputLength];
        var actual = new T[c.OutputLength];
        new UnfoldedConvolution<T>().Forward(c.G, 3, 1, 24, c.Input, 0, c.Weight, default, expected, 0);
        new WinogradConvolution<T>().Forward(c.G, 3, 24, c.Input, 0, c.Weight, default, actual, 0);
        ConvolutionCase<T>.AssertClose(expected, actual, Tolerance, "output");
    }
}

public sealed class WinogradConvolutionFloatTests : WinogradConvolutionTests<float>
{
    protected override double Tolerance => 2e-5;
}

public sealed class WinogradConvolutionDoubleTests : WinogradConvolutionTests<double>
{
    protected override double Tolerance => 1e-13;
}
