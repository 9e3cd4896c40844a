using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public abstract class TensorCopyTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T V(double x) => T.CreateChecked(x);

    private static Tensor<T> Seq(params int[] sizes)
    {
        var t = new Tensor<T>(sizes);
        var s = t.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = V(i + 1);
        return t;
    }

    [Fact]
    public void Copy_DifferentShapesSameCount_CopiesRowMajor()
    {
        var dst = new Tensor<T>(3, 2).Copy(Seq(2, 3));
        Assert.Equal(V(3), dst[1, 0]);
        Assert.Equal(V(6), dst[2, 1]);
    }

    [Fact]
    public void Copy_TransposedIntoNarrowed_MatchesElementLoop()
    {
        var src = Seq(3, 4).T(); // 4×3
        var big = new Tensor<T>(6, 5).Fill(V(-1));
        var dst = big.Narrow(0, 1, 4).Narrow(1, 2, 3);
        dst.Copy(src);
        for (int i = 0; i < 6; i++)
            for (int j = 0; j < 5; j++)
            {
                bool inside = i >= 1 && i < 5 && j >= 2;
                Assert.Equal(inside ? src[i - 1, j - 2] : V(-1), big[i, j]);
            }
    }

    [Fact]
    public void Copy_FromExpanded_RepeatsValues()
    {
        var row = new Tensor<T>([V(1), V(2), V(3)], 1, 3);
        var dst = new Tensor<T>(2, 3).Copy(row.Expand(2, 3));
        Assert.Equal([V(1), V(2), V(3), V(1), V(2), V(3)], dst.AsSpan().ToArray());
    }

    [Fact]
    public void Copy_OverlappingViewsOfOneStorage_UsesSourceValuesBeforeCopy()
    {
        var v = Seq(6);
        v.Narrow(0, 1, 5).Copy(v.Narrow(0, 0, 5)); // shift right by one
        Assert.Equal([V(1), V(1), V(2), V(3), V(4), V(5)], v.AsSpan().ToArray());
    }

    [Fact]
    public void Copy_TransposeOfItself_IsCorrect()
    {
        var m = Seq(3, 3);
        m.Copy(m.T());
        Assert.Equal([V(1), V(4), V(7), V(2), V(5), V(8), V(3), V(6), V(9)], m.AsSpan().ToArray());
    }

    [Fact]
    public void Copy_CountMismatch_ThrowsNamingSourceAndShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tensor<T>(2, 3).Copy(new Tensor<T>(5)));
        Assert.Equal("source", ex.ParamName);
        Assert.Contains("[2, 3]", ex.Message);
        Assert.Contains("[5]", ex.Message);
    }

    [Fact]
    public void Clone_HasOwnStorage()
    {
        var a = Seq(2, 2);
        var c = a.Clone();
        c[0, 0] = V(100);
        Assert.Equal(V(1), a[0, 0]);
        Assert.NotSame(a.Storage, c.Storage);
    }

    [Fact]
    public void Copy_IntoScalar_Works()
    {
        var s = Tensor<T>.Scalar(V(0)).Copy(new Tensor<T>([V(5)], 1));
        Assert.Equal(V(5), s.Value());
    }
}

public sealed class TensorCopyTestsFloat : TensorCopyTests<float>;

public sealed class TensorCopyTestsDouble : TensorCopyTests<double>;
