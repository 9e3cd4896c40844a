using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using BigDL.DataSets;
using BigDL.Tensors;

namespace BigDL.Distributed.Data;

/// <summary>
/// Reads a worker's shares of the global mini-batches from the Arrow IPC stream a <see cref="ShareStreamWriter{T}"/>
/// (or another language's writer of the same schema) produced: one share per record batch, in order.
/// </summary>
/// <remarks>
/// The schema is read and checked at the first <see cref="TryRead"/> (or <see cref="Begins"/>). The reader reads no
/// byte past the end-of-stream marker, so streams written one after the other on one input are read by one reader
/// each. The input stream stays open on dispose.
/// </remarks>
public sealed class ShareStreamReader<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly EndWatchingStream _input;
    private readonly ArrowStreamReader _reader;
    private int[]? _inputShape;
    private int[] _targetShape = [];
    private int _batches;
    private bool _ended;
    private bool _disposed;

    /// <summary>A reader of the share stream on <paramref name="input"/> (for example the worker's stdin).</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public ShareStreamReader(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        _ = ShareSchema.DTypeName<T>();
        _input = new EndWatchingStream(input);
        _reader = new ArrowStreamReader(_input, leaveOpen: true);
    }

    /// <summary>What the stream is for, as its schema states (null: it states none); known once <see cref="Begins"/> returned true.</summary>
    public ShareStreamPurpose? Purpose { get; private set; }

    /// <summary>Reads the next share; false at the end-of-stream marker. <paramref name="share"/> is null for a share of 0 rows.</summary>
    /// <exception cref="InvalidDataException">
    /// The stream is not a share stream of <typeparamref name="T"/> (no BigDL metadata, another dtype, other columns),
    /// is corrupt, or ends without the end-of-stream marker.
    /// </exception>
    public bool TryRead(out MiniBatch<T>? share)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        share = null;
        if (_ended) return false;
        if (!Begins())
            throw new InvalidDataException($"expected an Arrow IPC share stream of {ShareSchema.DTypeName<T>()}, got an empty input");
        var batch = Arrow(_reader.ReadNextRecordBatch);
        if (batch is null)
        {
            if (_input.SawEnd)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"expected Arrow's end-of-stream marker after {_batches} batches, got the end of the input: the writer stopped before completing the stream"));
            _ended = true;
            return false;
        }
        using (batch)
        {
            share = Decode(batch);
        }
        _batches++;
        return true;
    }

    /// <summary>
    /// Whether a share stream begins on the input (its schema is then read and checked): false when the input ends
    /// before its first byte, as after the last of several streams written one after the other.
    /// </summary>
    /// <exception cref="InvalidDataException">The input begins with something other than a share stream of <typeparamref name="T"/>.</exception>
    public bool Begins()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_inputShape is not null) return true;
        if (Arrow(() => _reader.Schema) is not { } schema) return false;
        (_inputShape, _targetShape, Purpose) = ShareSchema.Read<T>(schema);
        return true;
    }

    /// <summary>Releases the Arrow reader; the input stream stays open.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _reader.Dispose();
    }

    /// <summary>Runs a call into the Arrow reader, turning its complaints about the bytes into an <see cref="InvalidDataException"/> that says what was expected.</summary>
    private TResult Arrow<TResult>(Func<TResult> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or ArgumentException or IndexOutOfRangeException or OverflowException or NotSupportedException)
        {
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"expected an Arrow IPC share stream of {ShareSchema.DTypeName<T>()}, got one that is cut short or corrupt after {_batches} batches: {e.Message}"), e);
        }
    }

    private MiniBatch<T>? Decode(RecordBatch batch)
    {
        int rows = batch.Length;
        var input = Values(batch.Column(0), rows, _inputShape!, ShareSchema.InputColumn);
        var target = Values(batch.Column(1), rows, _targetShape, ShareSchema.TargetColumn);
        if (rows == 0) return null;
        return new MiniBatch<T>(new Tensor<T>(input, [rows, .. _inputShape!]), new Tensor<T>(target, [rows, .. _targetShape]));
    }

    /// <summary>The column's elements for all rows, as one span over Arrow's buffer (copied once by the tensor constructor).</summary>
    private ReadOnlySpan<T> Values(IArrowArray column, int rows, int[] perRecord, string name)
    {
        int size = ShareSchema.ElementCount(perRecord);
        if (column is not FixedSizeListArray list || list.Length != rows || list.NullCount != 0 || list.Values.NullCount != 0)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"expected batch {_batches}'s column \"{name}\" to hold {rows} non-null records, got {column.Length} rows with {column.NullCount} nulls"));
        var elements = list.Values.Data;
        var all = MemoryMarshal.Cast<byte, T>(elements.Buffers[1].Span);
        long start = elements.Offset + (long)list.Offset * size, count = (long)rows * size;
        if (start + count > all.Length)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"expected batch {_batches}'s column \"{name}\" to hold {count} elements, got a buffer of {all.Length - start}"));
        return all.Slice((int)start, (int)count);
    }
}
