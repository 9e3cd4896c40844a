using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Wire;
using BigDL.Optim;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Distributed;

/// <summary>
/// One rank's part of BigDL's synchronous all-reduce of a model's flat parameters, sliced over the ranks
/// (<see cref="ParameterSlicing"/>): this rank owns one slice, its full-precision master weights and the optim
/// method's state for it (sharded optimizer state). Each <see cref="StepAsync"/>:
/// <list type="number">
/// <item>all-gathers every rank's loss and record count (<see cref="FrameType.Scalars"/>);</item>
/// <item>reduce-scatter: sends gradient slice j to its owner j; the owner sums the contributions in rank order,
/// each weighted by the records that rank contributed over the records of the global batch;</item>
/// <item>the owner clips (by the L2 norm of the whole gradient: the ranks all-gather their slices' sums of squares) and runs its optim method on its master slice;</item>
/// <item>all-gather: the owner sends its updated slice to every rank, and every rank (the owner too) takes the
/// values as they travel, so all ranks hold the same weights.</item>
/// </list>
/// </summary>
/// <remarks>
/// BigDL's <c>AllReduceParameter</c> (<c>putGradients</c>, <c>aggregateGradientPartition</c>, <c>sendWeightPartition</c>,
/// <c>getWeights</c>) over a transport instead of Spark's block manager; improved: contributions are weighted by
/// records (any batch split), summed in a fixed order (deterministic), and compression is selectable.
/// </remarks>
public sealed class AllReduceParameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int ScalarsLength = 16;

    private readonly IRankTransport _transport;
    private readonly FrameInbox _inbox;
    private readonly Tensor<T> _weights;
    private readonly Tensor<T> _gradient;
    private readonly Tensor<T>? _sum;
    private readonly T[] _scratch;
    private readonly byte[] _encoded;
    private readonly byte[] _scalars = new byte[ScalarsLength];
    private readonly double[] _losses;
    private readonly long[] _records;
    private readonly double[] _squares;
    private readonly ReadOnlyMemory<byte>[] _contributions;
    private readonly WireDType _dtype;
    private readonly bool _native; // the wire carries T itself: slices are sent from the tensors and read where they arrive
    private readonly int _elementSize;
    private readonly ElementBytes<T>? _gradientBytes;
    private readonly ElementBytes<T>? _masterBytes;
    private readonly int _generation;
    private readonly bool _recordWeighted;
    private readonly GradientClipping _clipping;

    /// <summary>This rank's all-reduce over <paramref name="transport"/> of the flat <paramref name="weights"/> and <paramref name="gradient"/>.</summary>
    /// <param name="transport">The link to the other ranks; its rank owns slice <see cref="IRankTransport.Rank"/>.</param>
    /// <param name="weights">The model's flat weights (from <c>GetParameters()</c>), overwritten with the gathered weights each step.</param>
    /// <param name="gradient">The model's flat gradient of this rank's share of the batch (averaged over the share when <paramref name="recordWeighted"/>).</param>
    /// <param name="method">The optim method for this rank's slice only; its state is the shard of the optimizer state.</param>
    /// <param name="compression">How gradients and weights travel.</param>
    /// <param name="recordWeighted">Whether gradients and losses are per-record means (the criterion averages), so contributions are weighted by records; else they are summed.</param>
    /// <param name="clipping">Clipping of the summed gradient: element-wise on each slice, or by the L2 norm of the whole gradient (the owners exchange their slices' sums of squares).</param>
    /// <param name="generation">The attempt frames belong to; frames of another generation are refused.</param>
    /// <exception cref="ArgumentException">The tensors are not contiguous or differ in size.</exception>
    public AllReduceParameter(IRankTransport transport, Tensor<T> weights, Tensor<T> gradient, OptimMethod<T> method,
        WireCompression compression = WireCompression.None, bool recordWeighted = true, GradientClipping? clipping = null, int generation = 0)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(method);
        RequireFlat(weights, weights.NElement(), nameof(weights));
        RequireFlat(gradient, weights.NElement(), nameof(gradient));
        _clipping = clipping ?? GradientClipping.None;
        _transport = transport;
        _inbox = new FrameInbox(transport, generation);
        _weights = weights;
        _gradient = gradient;
        Method = method;
        _dtype = compression.DTypeFor<T>();
        _native = _dtype == (typeof(T) == typeof(float) ? WireDType.Float32 : WireDType.Float64);
        _elementSize = WireCodec.ElementSize(_dtype);
        _generation = generation;
        _recordWeighted = recordWeighted;
        Slicing = new ParameterSlicing(weights.NElement(), transport.WorldSize);
        var (offset, length) = Slicing[transport.Rank];
        if (length > 0)
        {
            Master = new Tensor<T>(weights.AsSpan().Slice(offset, length), length);
            _sum = new Tensor<T>(length);
            if (_native) _masterBytes = new ElementBytes<T>(Master.Storage!.Array, Master.StorageOffset, length);
        }
        if (_native) _gradientBytes = new ElementBytes<T>(gradient.Storage!.Array, gradient.StorageOffset, gradient.NElement());
        _scratch = new T[Slicing.MaxLength];
        _encoded = _native ? [] : new byte[WireCodec.EncodedLength(_dtype, Slicing.MaxLength)];
        _losses = new double[transport.WorldSize];
        _records = new long[transport.WorldSize];
        _squares = new double[transport.WorldSize];
        _contributions = new ReadOnlyMemory<byte>[transport.WorldSize];
    }

    /// <summary>How the flat parameters are cut over the ranks.</summary>
    public ParameterSlicing Slicing { get; }

    /// <summary>The optim method of this rank's slice (its state is this rank's shard).</summary>
    public OptimMethod<T> Method { get; }

    /// <summary>The full-precision master weights of this rank's slice; null when the slice is empty (fewer values than ranks).</summary>
    public Tensor<T>? Master { get; }

    /// <summary>This rank.</summary>
    public int Rank => _transport.Rank;

    /// <summary>
    /// Runs iteration <paramref name="iteration"/>'s all-reduce with this rank's <paramref name="loss"/> over its
    /// <paramref name="records"/> (0: this rank contributes nothing, its gradient is ignored); on return the weights
    /// hold the updated parameters, the same on every rank.
    /// </summary>
    /// <exception cref="PeerLostException">A peer left or aborted.</exception>
    /// <exception cref="InvalidDataException">A peer sent a frame that does not fit (generation, iteration, slice, dtype or length).</exception>
    /// <exception cref="InvalidOperationException">No rank had a record.</exception>
    public async ValueTask<AllReduceResult> StepAsync(int iteration, double loss, long records, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(records);
        await GatherScalarsAsync(iteration, loss, records, cancellation).ConfigureAwait(false);
        long total = _records.Sum();
        if (total == 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"iteration {iteration}: no rank of {_records.Length} had a record"));
        double globalLoss = GlobalLoss(total);
        await ScatterGradientsAsync(iteration, cancellation).ConfigureAwait(false);
        Method.UpdateHyperParameter();
        double learningRate = Method.CurrentLearningRate;
        if (Master is not null) await ReduceOwnSliceAsync(iteration, total, cancellation).ConfigureAwait(false);
        if (_clipping.Norm is { } limit)
        {
            double norm = Math.Sqrt(await GatherSquaresAsync(iteration, cancellation).ConfigureAwait(false));
            if (norm > limit) _sum?.Mul(T.CreateTruncating(limit / norm));
        }
        else if (Master is not null)
        {
            _clipping.Apply(_sum!);
        }
        if (Master is not null)
        {
            Method.Optimize(_ => (globalLoss, _sum!), Master);
            await BroadcastOwnSliceAsync(iteration, cancellation).ConfigureAwait(false);
        }
        await GatherWeightsAsync(iteration, cancellation).ConfigureAwait(false);
        return new AllReduceResult(globalLoss, total, learningRate);
    }

    private async ValueTask GatherScalarsAsync(int iteration, double loss, long records, CancellationToken cancellation)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_scalars, loss);
        BinaryPrimitives.WriteInt64LittleEndian(_scalars.AsSpan(8), records);
        var header = Header(FrameType.Scalars, iteration, 0, WireDType.Float64);
        for (int peer = 0; peer < _records.Length; peer++)
            if (peer != Rank) await _transport.SendAsync(peer, header, _scalars, cancellation).ConfigureAwait(false);
        _losses[Rank] = loss;
        _records[Rank] = records;
        for (int received = 1; received < _records.Length; received++)
        {
            var frame = await _inbox.ReceiveAsync(FrameType.Scalars, iteration, cancellation).ConfigureAwait(false);
            RequireLength(frame, ScalarsLength);
            _losses[frame.Header.SourceRank] = BinaryPrimitives.ReadDoubleLittleEndian(frame.Payload.Span);
            _records[frame.Header.SourceRank] = BinaryPrimitives.ReadInt64LittleEndian(frame.Payload.Span[8..]);
            _transport.Release(frame.Payload);
        }
    }

    /// <summary>The squared L2 norm of the whole summed gradient: every rank's sum of squares of its slice (0 without one), added in rank order on every rank.</summary>
    private async ValueTask<double> GatherSquaresAsync(int iteration, CancellationToken cancellation)
    {
        Array.Clear(_squares);
        if (_sum is not null)
        {
            foreach (var value in _sum.AsSpan())
            {
                double v = double.CreateTruncating(value);
                _squares[Rank] += v * v;
            }
        }
        var mine = _scalars.AsMemory(0, sizeof(double));
        BinaryPrimitives.WriteDoubleLittleEndian(mine.Span, _squares[Rank]);
        var header = Header(FrameType.NormSquares, iteration, 0, WireDType.Float64);
        for (int peer = 0; peer < _squares.Length; peer++)
            if (peer != Rank) await _transport.SendAsync(peer, header, mine, cancellation).ConfigureAwait(false);
        for (int received = 1; received < _squares.Length; received++)
        {
            var frame = await _inbox.ReceiveAsync(FrameType.NormSquares, iteration, cancellation).ConfigureAwait(false);
            RequireLength(frame, sizeof(double));
            _squares[frame.Header.SourceRank] = BinaryPrimitives.ReadDoubleLittleEndian(frame.Payload.Span);
            _transport.Release(frame.Payload);
        }
        double total = 0;
        foreach (double value in _squares) total += value;
        return total;
    }

    private double GlobalLoss(long total)
    {
        double sum = 0;
        for (int r = 0; r < _losses.Length; r++)
            if (_records[r] > 0) sum += _recordWeighted ? _losses[r] * _records[r] / total : _losses[r];
        return sum;
    }

    private async ValueTask ScatterGradientsAsync(int iteration, CancellationToken cancellation)
    {
        bool contributes = _records[Rank] > 0;
        for (int owner = 0; owner < Slicing.SliceCount; owner++)
        {
            var (offset, length) = Slicing[owner];
            if (owner == Rank || length == 0) continue;
            var payload = !contributes ? ReadOnlyMemory<byte>.Empty : _gradientBytes?.Memory.Slice(offset * _elementSize, length * _elementSize) ?? Encoded(_gradient.AsSpan().Slice(offset, length));
            await _transport.SendAsync(owner, Header(FrameType.GradientSlice, iteration, owner, _dtype), payload, cancellation).ConfigureAwait(false);
        }
    }

    // Σ_r w_r·g_r over the ranks in rank order (w_r = records_r / total, or 1 for summing criteria), whatever order frames came in.
    private async ValueTask ReduceOwnSliceAsync(int iteration, long total, CancellationToken cancellation)
    {
        var (offset, length) = Slicing[Rank];
        for (int received = 1; received < _records.Length; received++)
        {
            var frame = await _inbox.ReceiveAsync(FrameType.GradientSlice, iteration, cancellation).ConfigureAwait(false);
            RequireSlice(frame, Rank);
            RequireLength(frame, _records[frame.Header.SourceRank] > 0 ? WireCodec.EncodedLength(_dtype, length) : 0);
            _contributions[frame.Header.SourceRank] = frame.Payload;
        }
        var sum = _sum!.AsSpan();
        sum.Clear();
        var scratch = _scratch.AsSpan(0, length);
        for (int r = 0; r < _records.Length; r++)
        {
            if (_records[r] == 0) continue;
            ReadOnlySpan<T> contribution = r == Rank ? _gradient.AsSpan().Slice(offset, length)
                : _native ? MemoryMarshal.Cast<byte, T>(_contributions[r].Span) : Decoded(_contributions[r].Span, scratch);
            var weight = T.CreateTruncating(_recordWeighted ? (double)_records[r] / total : 1.0);
            TensorPrimitives.MultiplyAdd(contribution, weight, sum, sum);
            if (r != Rank) _transport.Release(_contributions[r]);
            _contributions[r] = default;
        }
    }

    private ReadOnlyMemory<byte> Encoded(ReadOnlySpan<T> values)
    {
        int bytes = WireCodec.EncodedLength(_dtype, values.Length);
        WireCodec.Encode(values, _dtype, _encoded);
        return _encoded.AsMemory(0, bytes);
    }

    private Span<T> Decoded(ReadOnlySpan<byte> payload, Span<T> scratch)
    {
        WireCodec.Decode(payload, _dtype, scratch);
        return scratch;
    }

    private async ValueTask BroadcastOwnSliceAsync(int iteration, CancellationToken cancellation)
    {
        var (offset, length) = Slicing[Rank];
        ReadOnlyMemory<byte> payload;
        if (_masterBytes is not null)
        {
            Master!.AsSpan().CopyTo(_weights.AsSpan().Slice(offset, length));
            payload = _masterBytes.Memory;
        }
        else
        {
            // Every rank, this one too, takes the values as they travel, so all hold the same weights.
            payload = Encoded(Master!.AsSpan());
            WireCodec.Decode(payload.Span, _dtype, _weights.AsSpan().Slice(offset, length));
        }
        var header = Header(FrameType.WeightSlice, iteration, Rank, _dtype);
        for (int peer = 0; peer < Slicing.SliceCount; peer++)
            if (peer != Rank) await _transport.SendAsync(peer, header, payload, cancellation).ConfigureAwait(false);
    }

    private async ValueTask GatherWeightsAsync(int iteration, CancellationToken cancellation)
    {
        int owners = Enumerable.Range(0, Slicing.SliceCount).Count(owner => owner != Rank && Slicing[owner].Length > 0);
        for (int received = 0; received < owners; received++)
        {
            var frame = await _inbox.ReceiveAsync(FrameType.WeightSlice, iteration, cancellation).ConfigureAwait(false);
            int owner = frame.Header.SourceRank;
            RequireSlice(frame, owner);
            var (offset, length) = Slicing[owner];
            RequireLength(frame, WireCodec.EncodedLength(_dtype, length));
            WireCodec.Decode(frame.Payload.Span, _dtype, _weights.AsSpan().Slice(offset, length));
            _transport.Release(frame.Payload);
        }
    }

    private FrameHeader Header(FrameType type, int iteration, int slice, WireDType dtype) => new(type, _generation, iteration, Rank, slice, dtype);

    private void RequireSlice(Frame frame, int slice)
    {
        if (frame.Header.SliceId != slice || (frame.Header.Type != FrameType.Scalars && frame.Header.DType != _dtype))
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"rank {Rank}: expected a {frame.Header.Type} frame of slice {slice} as {_dtype} from rank {frame.Header.SourceRank}, got slice {frame.Header.SliceId} as {frame.Header.DType}"));
    }

    private void RequireLength(Frame frame, int bytes)
    {
        if (frame.Payload.Length != bytes)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"rank {Rank}: expected a {frame.Header.Type} frame of {bytes} bytes from rank {frame.Header.SourceRank} (iteration {frame.Header.Iteration}), got {frame.Payload.Length} bytes"));
    }

    private static void RequireFlat(Tensor<T> tensor, int elements, string name)
    {
        if (!tensor.IsContiguous() || tensor.NElement() != elements)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"expected {name} to be a contiguous tensor of {elements} elements (the model's flat parameters), got size {Shape.Format(tensor.Size())}{(tensor.IsContiguous() ? "" : ", not contiguous")}"), name);
    }
}
