using System.Text;

namespace BigDL.Tensors;

public sealed partial class Tensor<T>
{
    /// <summary>Above this many elements, <see cref="ToString()"/> summarises (PyTorch's default threshold).</summary>
    public const int PrintThreshold = 1000;

    /// <summary>
    /// The tensor in the layout of BigDL's Scala shell (<c>DenseTensor.toString</c>): the values, then a footer
    /// <c>[BigDL.Tensors.Tensor&lt;double&gt; of size 2x3]</c>.
    /// </summary>
    /// <remarks>
    /// <para>As BigDL: a 1-D tensor prints one value per line; a matrix prints one row per line with every value
    /// followed by a tab (BigDL appends the tab after the last value of a row too); a tensor of 3 or more
    /// dimensions prints each trailing matrix under a Torch-style header such as <c>(0,1,.,.) =</c> followed by
    /// a blank line. Values are written as Java/Scala's <c>Double.toString</c> and <c>Float.toString</c> write them,
    /// in the invariant culture: <c>1.0</c>, <c>0.25</c>, <c>1.0E-4</c>, <c>1.5E7</c>, <c>NaN</c>, <c>Infinity</c>.</para>
    /// <para>Differences from BigDL: slice headers are 0-based like our indexing (BigDL and Torch print
    /// <c>(1,.,.) =</c> for the first slice); a tensor with no dimensions prints
    /// <c>[BigDL.Tensors.Tensor&lt;double&gt; with no dimension]</c> when empty, and its value followed by
    /// <c>[BigDL.Tensors.Tensor&lt;double&gt; of size []]</c> when it is a scalar.</para>
    /// <para>Summarisation (our choice, modelled on PyTorch): when the tensor holds more than
    /// <see cref="PrintThreshold"/> elements, a matrix or vector dimension longer than 20 shows its first 10 and
    /// last 10 entries with <c>...</c> in between (a <c>...</c> line for rows, a <c>...</c> column for columns), and a
    /// leading (slice) dimension longer than 6 shows its first 3 and last 3 slices with a <c>...</c> line between.
    /// Non-contiguous tensors print their logical values in row-major order.</para>
    /// </remarks>
    public override string ToString()
    {
        string name = "BigDL.Tensors.Tensor<" + TypeName() + ">";
        if (_size.Length == 0)
        {
            return _storage is null
                ? "[" + name + " with no dimension]"
                : TensorFormat.Value(Data[_offset]) + "\n[" + name + " of size []]";
        }

        var sb = new StringBuilder();
        if (NElement() > 0)
        {
            bool summarise = NElement() > PrintThreshold;
            if (_size.Length == 1) AppendVector(sb, summarise);
            else AppendSlices(sb, summarise);
        }
        sb.Append('[').Append(name).Append(" of size ").Append(Shape.FormatBy(_size)).Append(']');
        return sb.ToString();
    }

    private static string TypeName()
        => typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name;

    private void AppendVector(StringBuilder sb, bool summarise)
    {
        int n = _size[0];
        var data = Data;
        for (int i = 0; i < n; i++)
        {
            if (summarise && TensorFormat.Skip(i, n, TensorFormat.MatrixEdge, out int next))
            {
                sb.Append("...\n");
                i = next - 1;
                continue;
            }
            sb.Append(TensorFormat.Value(data[_offset + i * _stride[0]])).Append('\n');
        }
    }

    private void AppendSlices(StringBuilder sb, bool summarise)
    {
        int dims = _size.Length;
        int lead = dims - 2;
        var index = new int[lead];
        while (true)
        {
            int offset = _offset;
            for (int d = 0; d < lead; d++) offset += index[d] * _stride[d];
            if (lead > 0)
            {
                sb.Append('(');
                for (int d = 0; d < lead; d++) sb.Append(index[d]).Append(',');
                sb.Append(".,.) =\n");
            }
            AppendMatrix(sb, offset, summarise);
            if (lead > 0) sb.Append('\n');

            // Advance the leading index (odometer), skipping the elided middle of long dimensions.
            int k = lead - 1;
            while (k >= 0)
            {
                index[k]++;
                if (summarise && TensorFormat.Skip(index[k], _size[k], TensorFormat.SliceEdge, out int next))
                {
                    sb.Append("...\n\n");
                    index[k] = next;
                }
                if (index[k] < _size[k]) break;
                index[k] = 0;
                k--;
            }
            if (k < 0) return;
        }
    }

    private void AppendMatrix(StringBuilder sb, int offset, bool summarise)
    {
        int rows = _size[^2], cols = _size[^1];
        int rowStride = _stride[^2], colStride = _stride[^1];
        var data = Data;
        for (int i = 0; i < rows; i++)
        {
            if (summarise && TensorFormat.Skip(i, rows, TensorFormat.MatrixEdge, out int nextRow))
            {
                sb.Append("...\n");
                i = nextRow - 1;
                continue;
            }
            int rowOffset = offset + i * rowStride;
            for (int j = 0; j < cols; j++)
            {
                if (summarise && TensorFormat.Skip(j, cols, TensorFormat.MatrixEdge, out int nextCol))
                {
                    sb.Append("...\t");
                    j = nextCol - 1;
                    continue;
                }
                sb.Append(TensorFormat.Value(data[rowOffset + j * colStride])).Append('\t');
            }
            sb.Append('\n');
        }
    }
}
