using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A tensor as HTML: a header naming the element type and shape (<c>Tensor&lt;float&gt; [2×3]</c>), then a scalar's
/// value, a vector as one row, a matrix as a table, or a tensor of 3 or more dimensions as its 2-D slices labelled
/// as Torch prints them (<c>(0,.,.)</c>, 0-based). Beyond <see cref="RowLimit"/> rows, <see cref="ColumnLimit"/>
/// columns or <see cref="SliceLimit"/> slices only the first and last <see cref="Clip.Edge"/> are shown around an
/// ellipsis, so the cost depends on what is shown, not on the tensor's size. Views are read through their strides.
/// </summary>
internal static class TensorHtml
{
    /// <summary>Rows shown in full; longer matrices are clipped.</summary>
    public const int RowLimit = 20;

    /// <summary>Columns shown in full; wider matrices and vectors are clipped.</summary>
    public const int ColumnLimit = 20;

    /// <summary>2-D slices shown in full; tensors with more are clipped.</summary>
    public const int SliceLimit = 10;

    private static readonly GenericDispatch<Action<object, TextWriter>> AnyTensor = new(typeof(Tensor<>), typeof(TensorHtml), nameof(WriteObject));

    /// <summary>True for a tensor of any element type.</summary>
    public static bool IsTensor(object value) => AnyTensor.Accepts(value);

    /// <summary>Writes a tensor of any element type (header and clipped body).</summary>
    public static void WriteAny(TextWriter writer, object tensor) => AnyTensor.For(tensor)(tensor, writer);

    /// <summary>The header: element type, shape, and whether it is a scalar or empty.</summary>
    public static string Title<T>(Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T> =>
        $"Tensor<{ShapeText.ElementName<T>()}> {ShapeText.Of(tensor.Size())}" + (tensor.IsScalar ? " scalar" : tensor.IsEmpty ? " empty" : "");

    /// <summary>Writes the header and the clipped values of <paramref name="tensor"/>.</summary>
    public static void Write<T>(TextWriter writer, Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Html.Div(writer, "bigdl-title", Title(tensor));
        if (tensor.IsEmpty) return;
        var grid = Grid.Of(tensor.Size(), tensor.Stride());
        var slices = Slices(tensor);
        var data = tensor.Storage!.Array;
        var format = NumberFormat.For(slices.Where(s => s.Hidden == 0).SelectMany(s => grid.Values(data, s.Offset)));
        foreach (var slice in slices)
        {
            if (slice.Hidden > 0)
            {
                Html.Div(writer, "bigdl-note", $"⋮ {NumberFormat.Count(slice.Hidden)} more slices");
                continue;
            }
            if (slice.Label is not null) Html.Div(writer, "bigdl-slice", slice.Label);
            grid.Write(writer, data, slice.Offset, format);
        }
    }

    private static void WriteObject<T>(object tensor, TextWriter writer) where T : unmanaged, IFloatingPointIeee754<T> => Write(writer, (Tensor<T>)tensor);

    /// <summary>The 2-D slices to show (one, unlabelled, below 3 dimensions) with the gap of a clipped sequence.</summary>
    private static List<Slice> Slices<T>(Tensor<T> tensor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int lead = tensor.Dim() - 2;
        if (lead <= 0) return [new Slice(null, tensor.StorageOffset, 0)];
        var sizes = tensor.Size();
        var strides = tensor.Stride();
        int count = 1;
        for (int d = 0; d < lead; d++) count *= sizes[d];
        var slices = new List<Slice>();
        foreach (int k in Clip.Indices(count, SliceLimit))
        {
            if (k == Clip.Gap)
            {
                slices.Add(new Slice(null, 0, Clip.Hidden(count)));
                continue;
            }
            var index = new int[lead];
            int offset = tensor.StorageOffset;
            for (int d = lead - 1, rest = k; d >= 0; d--)
            {
                index[d] = rest % sizes[d];
                rest /= sizes[d];
                offset += index[d] * strides[d];
            }
            slices.Add(new Slice("(" + string.Join(",", index) + ",.,.)", offset, 0));
        }
        return slices;
    }

    /// <summary>A 2-D slice to show (<paramref name="Hidden"/> is 0), or the gap standing for that many slices.</summary>
    private readonly record struct Slice(string? Label, int Offset, int Hidden);

    /// <summary>
    /// The rows and columns shown of every slice: a matrix's last two dimensions with index headers, a vector as one
    /// row with a column header, a scalar as one cell.
    /// </summary>
    private sealed class Grid
    {
        private readonly int[] _rows;
        private readonly int[] _columns;
        private readonly int _rowStride;
        private readonly int _columnStride;
        private readonly bool _rowHeader;
        private readonly bool _columnHeader;

        private Grid(int rows, int rowStride, int columns, int columnStride, bool rowHeader, bool columnHeader)
        {
            _rows = Clip.Indices(rows, RowLimit);
            _columns = Clip.Indices(columns, ColumnLimit);
            _rowStride = rowStride;
            _columnStride = columnStride;
            _rowHeader = rowHeader;
            _columnHeader = columnHeader;
        }

        public static Grid Of(int[] sizes, int[] strides) => sizes.Length switch
        {
            0 => new Grid(1, 0, 1, 0, rowHeader: false, columnHeader: false),
            1 => new Grid(1, 0, sizes[0], strides[0], rowHeader: false, columnHeader: true),
            _ => new Grid(sizes[^2], strides[^2], sizes[^1], strides[^1], rowHeader: true, columnHeader: true),
        };

        /// <summary>The values shown of the slice starting at <paramref name="offset"/>.</summary>
        public IEnumerable<double> Values<T>(T[] data, int offset) where T : unmanaged, IFloatingPointIeee754<T>
        {
            foreach (int r in _rows)
            {
                if (r == Clip.Gap) continue;
                foreach (int c in _columns)
                    if (c != Clip.Gap) yield return double.CreateTruncating(data[offset + r * _rowStride + c * _columnStride]);
            }
        }

        public void Write<T>(TextWriter writer, T[] data, int offset, NumberFormat format) where T : unmanaged, IFloatingPointIeee754<T>
        {
            writer.Write("<table class=\"bigdl-values\">");
            if (_columnHeader) WriteColumnHeader(writer);
            writer.Write("<tbody>");
            foreach (int r in _rows)
            {
                writer.Write("<tr>");
                if (_rowHeader) Html.Cell(writer, "th", r == Clip.Gap ? "⋮" : Index(r));
                foreach (int c in _columns)
                {
                    string text = (r, c) switch
                    {
                        (Clip.Gap, Clip.Gap) => "⋱",
                        (Clip.Gap, _) => "⋮",
                        (_, Clip.Gap) => "…",
                        _ => format.Format(double.CreateTruncating(data[offset + r * _rowStride + c * _columnStride])),
                    };
                    Html.Cell(writer, "td", text);
                }
                writer.Write("</tr>");
            }
            writer.Write("</tbody></table>");
        }

        private void WriteColumnHeader(TextWriter writer)
        {
            writer.Write("<thead><tr>");
            if (_rowHeader) writer.Write("<th></th>");
            foreach (int c in _columns) Html.Cell(writer, "th", c == Clip.Gap ? "…" : Index(c));
            writer.Write("</tr></thead>");
        }

        private static string Index(int i) => i.ToString(CultureInfo.InvariantCulture);
    }
}
