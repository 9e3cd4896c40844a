using System.Numerics;
using BigDL.NN;

namespace BigDL.Tests.NN.Convolution;

/// <summary>Seeded random arrays for one stride-1 convolution shape, and the comparison the path tests share.</summary>
internal sealed class ConvolutionCase<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public ConvolutionCase(int cin, int cout, int kH, int kW, int padH, int padW, int height, int width, int images)
    {
        G = ConvolutionGeometry.Of(cin, height, width, kH, kW, 1, 1, padH, padW);
        (Cout, Images) = (cout, images);
        Input = Random(images * G.ImageSize, 1);
        Weight = Random(cout * cin * kH * kW, 2);
        Bias = Random(cout, 3);
        OutputLength = images * cout * G.Positions;
        GradOutput = Random(OutputLength, 4);
    }

    public ConvolutionGeometry G { get; }
    public int Cout { get; }
    public int Images { get; }
    public T[] Input { get; }
    public T[] Weight { get; }
    public T[] Bias { get; }
    public T[] GradOutput { get; }
    public int OutputLength { get; }

    /// <summary>Uniform values in [−1, 1) from a generator seeded with <paramref name="seed"/>.</summary>
    public static T[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var values = new T[length];
        for (int i = 0; i < length; i++) values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        return values;
    }

    /// <summary>Fails unless every element is within <paramref name="tolerance"/> × the largest magnitude of <paramref name="expected"/>.</summary>
    public static void AssertClose(T[] expected, T[] actual, double tolerance, string what)
    {
        double scale = expected.Max(v => Math.Abs(double.CreateTruncating(v))), worst = 0;
        int at = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(double.CreateTruncating(expected[i]) - double.CreateTruncating(actual[i]));
            if (error > worst) (worst, at) = (error, i);
        }
        Assert.True(worst <= tolerance * scale,
            $"{what}[{at}]: expected {expected[at]}, got {actual[at]} (error {worst / scale:E2} of the largest magnitude {scale:G4}, allowed {tolerance:E1})");
    }
}
