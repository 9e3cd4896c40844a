using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

public class LightingTests
{
    [Fact]
    public void Offset_FirstEigenvectorOnly_IsItTimesItsEigenvalue()
    {
        // BigDL's first eigenvector (-0.5675, -0.5808, -0.5836) times its eigenvalue 0.2175, in (R, G, B) order.
        var (r, g, b) = Lighting.Offset([1, 0, 0]);
        Assert.Equal(-0.12343125f, r, 1e-7f);
        Assert.Equal(-0.126324f, g, 1e-7f);
        Assert.Equal(-0.126933f, b, 1e-7f);
    }

    [Fact]
    public void Offset_ThirdEigenvectorNegated_GoesToTheRightChannels()
    {
        // -(0.4009, -0.8140, 0.4203) · 0.0045
        var (r, g, b) = Lighting.Offset([0, 0, -1]);
        Assert.Equal(-0.00180405f, r, 1e-7f);
        Assert.Equal(0.003663f, g, 1e-7f);
        Assert.Equal(-0.00189135f, b, 1e-7f);
    }

    [Fact]
    public void Apply_SeededGenerator_AddsOneOffsetFromThreeNormalsToEveryPixel()
    {
        var draws = new RandomGenerator(21);
        double[] alpha = [draws.Normal(0, 0.1), draws.Normal(0, 0.1), draws.Normal(0, 0.1)];
        var (r, g, b) = Lighting.Offset(alpha);
        var image = Images.Coded(2, 2);
        new Lighting(random: new RandomGenerator(21)).Apply([image]).ToList();
        var original = Images.Coded(2, 2).Content;
        for (int p = 0; p < 4; p++)
        {
            Assert.Equal(original[3 * p] + b, image.Content[3 * p], 4);
            Assert.Equal(original[3 * p + 1] + g, image.Content[3 * p + 1], 4);
            Assert.Equal(original[3 * p + 2] + r, image.Content[3 * p + 2], 4);
        }
        Assert.NotEqual(0f, r);
    }

    [Fact]
    public void Apply_ZeroStd_LeavesTheImage()
    {
        var image = Images.Coded(2, 1);
        new Lighting(0).Apply([image]).ToList();
        Assert.Equal(Images.Coded(2, 1).Content, image.Content);
    }
}
