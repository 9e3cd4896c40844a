using BigDL.Tensors;

namespace BigDL.Tests.Tensors;

public class TensorPrintingTests
{
    [Fact]
    public void ToString_Matrix_MatchesBigDLShellLayout()
    {
        var t = new Tensor<double>(2, 2).Fill(1.0);
        Assert.Equal("1.0\t1.0\t\n1.0\t1.0\t\n[BigDL.Tensors.Tensor<double> of size 2x2]", t.ToString());
    }

    [Fact]
    public void ToString_FloatMatrix_NamesFloatInFooter()
    {
        var t = new Tensor<float>([1.5f, -2f, 0.1f, 3f, 4f, 5f], 2, 3);
        Assert.Equal("1.5\t-2.0\t0.1\t\n3.0\t4.0\t5.0\t\n[BigDL.Tensors.Tensor<float> of size 2x3]", t.ToString());
    }

    [Fact]
    public void ToString_Vector_PrintsOneValuePerLine()
    {
        var t = new Tensor<double>([1, 2.5, -3], 3);
        Assert.Equal("1.0\n2.5\n-3.0\n[BigDL.Tensors.Tensor<double> of size 3]", t.ToString());
    }

    [Fact]
    public void ToString_ThreeDims_PrintsZeroBasedSliceHeaders()
    {
        var t = new Tensor<double>([1, 2, 3, 4, 5, 6, 7, 8], 2, 2, 2);
        string expected = "(0,.,.) =\n1.0\t2.0\t\n3.0\t4.0\t\n\n" +
                          "(1,.,.) =\n5.0\t6.0\t\n7.0\t8.0\t\n\n" +
                          "[BigDL.Tensors.Tensor<double> of size 2x2x2]";
        Assert.Equal(expected, t.ToString());
    }

    [Fact]
    public void ToString_FourDims_HeadersCountAllLeadingIndices()
    {
        var t = Tensor<double>.Range(1, 8).View(2, 2, 1, 2);
        string s = t.ToString();
        Assert.Contains("(0,0,.,.) =\n1.0\t2.0\t\n\n(0,1,.,.) =\n3.0\t4.0\t\n\n(1,0,.,.) =\n5.0\t6.0\t\n\n(1,1,.,.) =\n7.0\t8.0\t\n\n", s);
        Assert.EndsWith("[BigDL.Tensors.Tensor<double> of size 2x2x1x2]", s);
    }

    [Fact]
    public void ToString_Empty_SaysNoDimension()
    {
        Assert.Equal("[BigDL.Tensors.Tensor<double> with no dimension]", new Tensor<double>().ToString());
        Assert.Equal("[BigDL.Tensors.Tensor<float> of size 6x0]", new Tensor<float>(6, 0).ToString());
    }

    [Fact]
    public void ToString_Scalar_PrintsValueThenFooter()
    {
        Assert.Equal("2.5\n[BigDL.Tensors.Tensor<double> of size []]", Tensor<double>.Scalar(2.5).ToString());
    }

    [Fact]
    public void ToString_Transposed_PrintsLogicalValues()
    {
        var t = new Tensor<double>([1, 2, 3, 4, 5, 6], 2, 3).T();
        Assert.Equal("1.0\t4.0\t\n2.0\t5.0\t\n3.0\t6.0\t\n[BigDL.Tensors.Tensor<double> of size 3x2]", t.ToString());
    }

    [Fact]
    public void ToString_NarrowedExpanded_PrintsLogicalValues()
    {
        var v = new Tensor<double>([7, 8, 9], 3).Narrow(0, 1, 2).Unsqueeze(0).Expand(2, 2);
        Assert.Equal("8.0\t9.0\t\n8.0\t9.0\t\n[BigDL.Tensors.Tensor<double> of size 2x2]", v.ToString());
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(100.0, "100.0")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(12345678.0, "1.2345678E7")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(-2.5e-10, "-2.5E-10")]
    [InlineData(1e300, "1.0E300")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Value_Double_FormatsAsJava(double value, string expected)
        => Assert.Equal(expected, TensorFormat.Value(value));

    [Theory]
    [InlineData(0.1f, "0.1")]
    [InlineData(1.0f / 3, "0.33333334")]
    [InlineData(3e10f, "3.0E10")]
    [InlineData(1.5e-5f, "1.5E-5")]
    public void Value_Float_FormatsAsJavaFloat(float value, string expected)
        => Assert.Equal(expected, TensorFormat.Value(value));

    [Fact]
    public void ToString_LargeMatrix_ElidesMiddleRowsAndColumns()
    {
        var t = Tensor<double>.Range(0, 30 * 40 - 1).View(30, 40);
        string[] lines = t.ToString().Split('\n');
        Assert.Equal(22, lines.Length); // 10 rows, "...", 10 rows, footer
        Assert.Equal("...", lines[10]);
        string[] first = lines[0].Split('\t');
        Assert.Equal(22, first.Length); // 10 values, "...", 10 values, "" after the trailing tab
        Assert.Equal("0.0", first[0]);
        Assert.Equal("9.0", first[9]);
        Assert.Equal("...", first[10]);
        Assert.Equal("30.0", first[11]);
        Assert.StartsWith("800.0\t", lines[11]); // row 20
        Assert.StartsWith("1160.0\t", lines[20]); // row 29
        Assert.Equal("[BigDL.Tensors.Tensor<double> of size 30x40]", lines[^1]);
    }

    [Fact]
    public void ToString_SmallLongVector_IsNotElided()
    {
        var t = Tensor<double>.Range(0, 99);
        Assert.Equal(101, t.ToString().Split('\n').Length);
    }

    [Fact]
    public void ToString_ManySlices_ShowsFirstAndLastThree()
    {
        var t = Tensor<float>.Range(0, 10 * 11 * 11 - 1).View(10, 11, 11);
        string s = t.ToString();
        Assert.Contains("(2,.,.) =", s);
        Assert.DoesNotContain("(3,.,.) =", s);
        Assert.DoesNotContain("(6,.,.) =", s);
        Assert.Contains("(7,.,.) =", s);
        Assert.Contains("(9,.,.) =", s);
        Assert.Contains("\n...\n\n(7,.,.) =", s);
    }
}
