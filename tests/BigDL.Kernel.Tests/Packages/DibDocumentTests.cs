using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

public sealed class DibDocumentTests
{
    [Fact]
    public void Parse_Markers_SplitCellsAndResolveAliases()
    {
        var text = "#!csharp\nvar a = 1;\n#!c#\nvar b = 2;\n#!C#\nvar c = 3;\n#!md\n# Title\n#!markdown\nmore\n#!fsharp\nlet d = 4\n#!pwsh\nGet-Date\n#!value\nraw";

        var document = DibDocument.Parse(text);

        Assert.Equal(
            [("csharp", "var a = 1;"), ("csharp", "var b = 2;"), ("csharp", "var c = 3;"), ("markdown", "# Title"), ("markdown", "more"),
             ("fsharp", "let d = 4"), ("pwsh", "Get-Date"), ("value", "raw")],
            document.Cells.Select(c => (c.Kernel, c.Text)));
        Assert.Equal(["fsharp", "pwsh", "value"], document.UnsupportedCells.Select(c => c.Kernel));
    }

    [Fact]
    public void Parse_TextBeforeTheFirstMarker_BelongsToCSharp()
    {
        var document = DibDocument.Parse("\n\nusing System;\nvar a = 1;\n\n#!markdown\n\nDone.\n\n");

        Assert.Equal([("csharp", "using System;\nvar a = 1;", 3), ("markdown", "Done.", 8)], document.Cells.Select(c => (c.Kernel, c.Text, c.LineNumber)));
        Assert.True(document.Cells[0].IsCSharp);
        Assert.True(document.Cells[1].IsMarkdown);
    }

    [Fact]
    public void Parse_Meta_IsSkippedAndItsKernelsCount()
    {
        var text = """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp","aliases":["cs"]},{"name":"python","aliases":["py"]}]}}

            #!cs

            var a = 1;

            #!py

            print(1)
            """;

        var document = DibDocument.Parse(text);

        Assert.Equal([("csharp", "var a = 1;"), ("python", "print(1)")], document.Cells.Select(c => (c.Kernel, c.Text)));
    }

    [Fact]
    public void Parse_MetaAfterText_EndsAtTheNextMarkerAndLeavesTheCellWhole()
    {
        var document = DibDocument.Parse("var a = 1;\n#!meta\n{\"kernelInfo\":{\"items\":[{\"name\":\"python\"}]}}\n#!python\nprint(1)");

        Assert.Equal([("csharp", "var a = 1;"), ("python", "print(1)")], document.Cells.Select(c => (c.Kernel, c.Text)));
    }

    [Fact]
    public void Parse_OtherHashBangLines_StayInTheirCell()
    {
        var document = DibDocument.Parse("#!csharp\n#!time\nvar a = 1;\n#!bigdl local --cores 2\n#!csharp \nvar b = 2;");

        Assert.Equal(["#!time\nvar a = 1;\n#!bigdl local --cores 2", "var b = 2;"], document.Cells.Select(c => c.Text));
    }

    [Fact]
    public void Parse_CrLfAndBlankCells_AreNormalizedAndDropped()
    {
        var document = DibDocument.Parse("#!csharp\r\n\r\n   \r\n#!markdown\r\n\r\nline one\r\n  indented\r\n\r\n#!csharp\r\n");

        var cell = Assert.Single(document.Cells);
        Assert.Equal(("markdown", "line one\n  indented"), (cell.Kernel, cell.Text));
    }

    [Fact]
    public void Parse_Empty_HasNoCells()
    {
        Assert.Empty(DibDocument.Parse("").Cells);
    }

    [Fact]
    public void Parse_MalformedMeta_ThrowsNamingItsLine()
    {
        var error = Assert.Throws<FormatException>(() => DibDocument.Parse("#!markdown\nhi\n#!meta\n{not json\n#!csharp\nvar a = 1;"));

        Assert.Contains("#!meta block of the .dib document (line 3)", error.Message);
    }

    [Fact]
    public void Parse_MetaWithoutKernelInfo_KeepsTheStandardKernels()
    {
        var document = DibDocument.Parse("#!meta\n{\"author\":\"x\"}\n#!csharp\nvar a = 1;");

        Assert.Equal([("csharp", "var a = 1;")], document.Cells.Select(c => (c.Kernel, c.Text)));
    }
}
