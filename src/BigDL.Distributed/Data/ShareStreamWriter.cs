using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using BigDL.DataSets;
using BigDL.Tensors;

namespace BigDL.Distributed.Data;

/// <summary>
/// Writes one worker's shares of the global mini-batches as an Arrow IPC stream: one record batch per iteration, one
/// row per record, columns "input" and "target" as fixed-size lists of <typeparamref name="T"/>, the per-record shapes
/// and the dtype in the schema's metadata (docs/distributed-protocol.md).
/// </summary>
/// <remarks>Each batch is flushed as it is written, so a worker reading a pipe gets it at once. The output stream stays open on dispose.</remarks>
public sealed class ShareStreamWriter<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Stream _output;
    private readonly int[] _inputShape;
    private readonly int[] _targetShape;
    private readonly Schema _schema;
    private readonly ArrowStreamWriter _writer;
    private byte[] _inputBytes = [];
    private byte[] _targetBytes = [];
    private bool _started;
    private bool _completed;
    private bool _disposed;

    /// <summary>A writer to <paramref name="output"/> of records whose input has <paramref name="inputShape"/> and target <paramref name="targetShape"/>.</summary>
    /// <param name="output">The stream written to (for example a worker's stdin).</param>
    /// <param name="inputShape">One record's input sizes, without the batch dimension (for example [1, 28, 28]).</param>
    /// <param name="targetShape">One record's target sizes, without the batch dimension; empty for a scalar label.</param>
    /// <param name="purpose">What the stream is for, as a worker needs to know; null states none.</param>
    /// <exception cref="ArgumentException">A size is below 1.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public ShareStreamWriter(Stream output, int[] inputShape, int[] targetShape, ShareStreamPurpose? purpose = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputShape);
        ArgumentNullException.ThrowIfNull(targetShape);
        RequirePositive(inputShape, nameof(inputShape));
        RequirePositive(targetShape, nameof(targetShape));
        _output = output;
        _inputShape = (int[])inputShape.Clone();
        _targetShape = (int[])targetShape.Clone();
        _schema = ShareSchema.Create<T>(_inputShape, _targetShape, purpose);
        _writer = new ArrowStreamWriter(output, _schema, leaveOpen: true);
    }

    /// <summary>Writes one iteration's share as a record batch; null writes an empty share (0 rows).</summary>
    /// <exception cref="ArgumentException">The share's input is not [N, input shape…] or its target not [N, target shape…].</exception>
    /// <exception cref="InvalidOperationException"><see cref="Complete"/> was called.</exception>
    public void Write(MiniBatch<T>? share)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) throw new InvalidOperationException("Write was called after Complete; the stream has ended");
        int rows = share?.Size ?? 0;
        if (share is not null)
        {
            RequireShape(share.Input, rows, _inputShape, "input");
            RequireShape(share.Target, rows, _targetShape, "target");
        }
        Start();
        var input = Column(0, share?.Input, rows, ref _inputBytes);
        var target = Column(1, share?.Target, rows, ref _targetBytes);
        using var batch = new RecordBatch(_schema, [input, target], rows);
        _writer.WriteRecordBatch(batch);
        _output.Flush();
    }

    /// <summary>Ends the stream with Arrow's end-of-stream marker and flushes; a reader's TryRead then returns false.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed) return;
        Start();
        _writer.WriteEnd();
        _output.Flush();
        _completed = true;
    }

    /// <summary>Releases the Arrow writer; the output stream stays open, and a stream not completed has no end marker.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _writer.Dispose();
    }

    private void Start()
    {
        if (_started) return;
        _writer.WriteStart();
        _started = true;
    }

    /// <summary>The tensor's elements copied in one block into a reused buffer and wrapped as a fixed-size list column.</summary>
    private FixedSizeListArray Column(int index, Tensor<T>? values, int rows, ref byte[] buffer)
    {
        var type = (FixedSizeListType)_schema.FieldsList[index].DataType;
        ReadOnlySpan<byte> bytes = values is null ? [] : MemoryMarshal.AsBytes<T>(values.Contiguous().AsSpan());
        if (buffer.Length < bytes.Length) buffer = new byte[bytes.Length];
        bytes.CopyTo(buffer);
        var elements = new ArrayData(type.ValueDataType, rows * type.ListSize, 0, 0, [ArrowBuffer.Empty, new ArrowBuffer(buffer.AsMemory(0, bytes.Length))], []);
        return new FixedSizeListArray(new ArrayData(type, rows, 0, 0, [ArrowBuffer.Empty], [elements]));
    }

    private static void RequireShape(Tensor<T> tensor, int rows, int[] perRecord, string name)
    {
        int[] expected = [rows, .. perRecord];
        if (!tensor.Size().AsSpan().SequenceEqual(expected))
            throw new ArgumentException($"expected the share's {name} to be {Shape.Format(expected)} ({rows} records of {Shape.Format(perRecord)}), got {Shape.Format(tensor.Size())}", "share");
    }

    private static void RequirePositive(int[] shape, string name)
    {
        if (shape.Any(size => size < 1))
            throw new ArgumentException($"expected sizes of at least 1, got {Shape.Format(shape)}", name);
    }
}
