namespace BigDL.DataSets;

/// <summary>
/// Decodes raw grey records (one byte a pixel, row by row, as MNIST's) into <see cref="LabeledGreyImage"/>s of
/// <see cref="Row"/> rows and <see cref="Col"/> columns, each pixel divided by 255 so values lie in [0, 1].
/// </summary>
/// <remarks>
/// BigDL's <c>BytesToGreyImg(row, col)</c>. BigDL refills one image buffer for every record; here each record gets a
/// new image, so images stay valid when a pass is kept (e.g. in <see cref="DataSet.Array{T}"/>). Labels are passed
/// on unchanged (0-based).
/// </remarks>
public sealed class BytesToGreyImg : Transformer<ByteRecord, LabeledGreyImage>
{
    /// <summary>Images of <paramref name="row"/> rows (the height) by <paramref name="col"/> columns (the width).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="row"/> or <paramref name="col"/> is below 1.</exception>
    public BytesToGreyImg(int row, int col)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(col, 1);
        Row = row;
        Col = col;
    }

    /// <summary>Rows per image: its height.</summary>
    public int Row { get; }

    /// <summary>Columns per image: its width.</summary>
    public int Col { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A record does not hold <see cref="Row"/>·<see cref="Col"/> bytes.</exception>
    public override IEnumerable<LabeledGreyImage> Apply(IEnumerable<ByteRecord> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Decode(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"BytesToGreyImg({Row}, {Col})";

    private IEnumerable<LabeledGreyImage> Decode(IEnumerable<ByteRecord> source)
    {
        foreach (var record in source)
        {
            if (record.Data.Length != Row * Col)
                throw new ArgumentException(
                    $"BytesToGreyImg({Row}, {Col}) expected records of {Row * Col} bytes, got {record.Data.Length} bytes", nameof(source));
            var image = new LabeledGreyImage(Col, Row, record.Label);
            var content = image.Content;
            for (int i = 0; i < content.Length; i++) content[i] = record.Data[i] / 255f;
            yield return image;
        }
    }
}
