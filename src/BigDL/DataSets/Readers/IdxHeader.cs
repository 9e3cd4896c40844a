using System.Buffers.Binary;

namespace BigDL.DataSets;

/// <summary>
/// The header of an IDX file of unsigned bytes (MNIST's format): a big-endian magic number — 2049 for labels
/// (0x00000801: one dimension), 2051 for images (0x00000803: three) — then one big-endian count per dimension.
/// </summary>
internal readonly record struct IdxHeader(int Count, int Rows, int Cols)
{
    public const int LabelsMagic = 2049;
    public const int ImagesMagic = 2051;
    public const int LabelsLength = 8;
    public const int ImagesLength = 16;

    /// <summary>Bytes per record: rows × cols for images, 1 for labels.</summary>
    public int RecordLength => Rows * Cols;

    /// <summary>Reads and checks an images header; when the content's length is known, checks it matches the counts.</summary>
    public static IdxHeader ReadImages(RecordSource source)
    {
        Span<byte> head = stackalloc byte[ImagesLength];
        source.ReadExactly(head, $"the {ImagesLength}-byte IDX images header");
        CheckMagic(source, head, ImagesMagic, "images");
        int count = Dimension(source, head, 4, "image count");
        int rows = Dimension(source, head, 8, "row count");
        int cols = Dimension(source, head, 12, "column count");
        if (rows == 0 || cols == 0) throw source.Error(rows == 0 ? 8 : 12, $"images of {rows}x{cols} pixels hold nothing");
        var header = new IdxHeader(count, rows, cols);
        CheckLength(source, ImagesLength + (long)count * rows * cols, $"{count} images of {rows}x{cols}");
        return header;
    }

    /// <summary>Reads and checks a labels header; when the content's length is known, checks it matches the count.</summary>
    public static IdxHeader ReadLabels(RecordSource source)
    {
        Span<byte> head = stackalloc byte[LabelsLength];
        source.ReadExactly(head, $"the {LabelsLength}-byte IDX labels header");
        CheckMagic(source, head, LabelsMagic, "labels");
        int count = Dimension(source, head, 4, "label count");
        CheckLength(source, LabelsLength + (long)count, $"{count} labels");
        return new IdxHeader(count, 1, 1);
    }

    private static void CheckMagic(RecordSource source, ReadOnlySpan<byte> head, int expected, string what)
    {
        int magic = BinaryPrimitives.ReadInt32BigEndian(head);
        if (magic == expected) return;
        string hint = magic switch
        {
            LabelsMagic => " (this is an IDX labels file)",
            ImagesMagic => " (this is an IDX images file)",
            _ => "",
        };
        throw source.Error(0, $"magic number {magic} (0x{magic:X8}) is not {expected} (0x{expected:X8}), IDX's magic for {what}{hint}");
    }

    private static int Dimension(RecordSource source, ReadOnlySpan<byte> head, int offset, string what)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(head[offset..]);
        if (value < 0) throw source.Error(offset, $"the {what} {value} is negative");
        return value;
    }

    private static void CheckLength(RecordSource source, long expected, string what)
    {
        if (source.Length is not long length || length == expected) return;
        if (length < expected)
            throw source.Error(length, $"the file ends here, but its header announces {what}, which need {expected} bytes with the header (truncated)");
        throw source.Error(expected, $"{length - expected} bytes follow the {what} its header announces");
    }
}
