using BigDL.Tensors;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class TableHtmlTests
{
    [Fact]
    public void Html_Table_ListsKeysWithTensorHeadersAndValues()
    {
        var table = new Table(new Tensor<float>([1, 2], 2), new Tensor<double>([3, 4, 5, 6], 2, 2));

        string html = Rendered.Html(table);

        Assert.Equal(["Table (2 entries)", "Tensor<float> [2]", "Tensor<double> [2×2]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Contains("<tr><th>0</th><td class=\"bigdl-nested\">", html);
        Assert.Contains("<tr><th>1</th><td class=\"bigdl-nested\">", html);
        Assert.Equal(["1", "2", "3", "4", "5", "6"], Rendered.Cells(html).Where(c => c.Length > 0 && char.IsDigit(c[0])));
    }

    [Fact]
    public void Html_NestedTable_IsIndentedInsideItsKeysCell()
    {
        var table = new Table(new Tensor<float>([1], 1), new Table(new Tensor<float>([2], 1), new Table()));

        string html = Rendered.Html(table);

        Assert.Equal(["Table (2 entries)", "Tensor<float> [1]", "Table (2 entries)", "Tensor<float> [1]", "Table (0 entries)"], Rendered.Divs(html, "bigdl-title"));
        Assert.Contains("<tr><th>1</th><td class=\"bigdl-nested\"><div class=\"bigdl-title\">Table (2 entries)</div>", html);
    }

    [Fact]
    public void Html_LargeTensorInTable_IsClipped()
    {
        string html = Rendered.Html(new Table(new Tensor<float>(100, 100)));

        Assert.Equal(7 * 7, Rendered.Count(html, "<td>"));
        Assert.Contains("<td>⋱</td>", html);
    }

    [Fact]
    public void Html_LongTable_ShowsFirstAndLastThreeEntries()
    {
        var table = new Table();
        for (int i = 0; i < 25; i++) table.Insert(Tensor<float>.Scalar(i));

        string html = Rendered.Html(table);

        Assert.Equal(["0", "1", "2", "19 more entries", "22", "23", "24"], Rendered.Cells(html));
    }

    [Fact]
    public void Html_TableHoldingItself_StopsAtTheDepthLimit()
    {
        var table = new Table();
        table.Insert(table);

        string html = Rendered.Html(table);

        Assert.Equal(["… nested deeper than 8 levels"], Rendered.Divs(html, "bigdl-note"));
        Assert.Equal(9, Rendered.Divs(html, "bigdl-title").Length);
    }

    [Fact]
    public void PlainText_IsTheCoresPrintout()
    {
        var table = new Table(new Tensor<float>([1, 2], 2), new Table(Tensor<float>.Scalar(3)));

        Assert.Equal(table.ToString(), Rendered.Plain(table));
    }
}
