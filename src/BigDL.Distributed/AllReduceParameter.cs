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
/// method's state for it (sharded optimizer state). Each <see cref="StepAsync(int, RankContribution, CancellationToken)"/>:
/// <list type="number">
/// <item>all-gathers every rank's loss, record counts and dropped replicas (<see cref="FrameType.Scalars"/>); when
/// fewer records than <see cref="MinimumContribution"/> of the batch contributed, the update is discarded here;</item>
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
    private const int ScalarsLength = 32;

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
    private readonly long[] _shares;
    private readonly int[] _dropped;
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
        _shares = new long[transport.WorldSize];
        _dropped = new int[transport.WorldSize];
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
    /// The share of a batch's records, in [0, 1], that must have contributed (drop-slow leaves late replicas out) for
    /// the update to be applied; below it every rank discards the iteration's update. 0 (the default): any contribution updates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1].</exception>
    public double MinimumContribution
    {
        get;
        init
        {
            if (!(value >= 0 && value <= 1))
                throw new ArgumentOutOfRangeException(nameof(MinimumContribution), value, string.Create(CultureInfo.InvariantCulture, $"expected a minimum contribution in [0, 1], got {value}"));
            field = value;
        }
    }

    /// <summary>
    /// Runs iteration <paramref name="iteration"/>'s all-reduce with this rank's <paramref name="loss"/> over its
    /// <paramref name="records"/> (0: this rank contributes nothing, its gradient is ignored); on return the weights
    /// hold the updated parameters, the same on every rank.
    /// </summary>
    /// <exception cref="PeerLostException">A peer left or aborted.</exception>
    /// <exception cref="InvalidDataException">A peer sent a frame that does not fit (generation, iteration, slice, dtype or length).</exception>
    /// <exception cref="InvalidOperationException">No rank had a record.</exception>
    public ValueTask<AllReduceResult> StepAsync(int iteration, double loss, long records, CancellationToken cancellation = default) =>
        StepAsync(iteration, new RankContribution(loss, records, records, 0), cancellation);

    /// <summary>
    /// Runs iteration <paramref name="iteration"/>'s all-reduce with this rank's <paramref name="contribution"/>; on return
    /// the weights hold the updated parameters (unchanged when the update was discarded), the same on every rank.
    /// </summary>
    /// <exception cref="PeerLostException">A peer left or aborted.</exception>
    /// <exception cref="InvalidDataException">A peer sent a frame that does not fit (generation, iteration, slice, dtype or length).</exception>
    /// <exception cref="InvalidOperationException">No rank had a record of the batch.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count of <paramref name="contribution"/> is negative, or it has more records than its share.</exception>
    public async ValueTask<AllReduceResult> StepAsync(int iteration, RankContribution contribution, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(contribution.Records, nameof(contribution));
        ArgumentOutOfRangeException.ThrowIfNegative(contribution.DroppedReplicas, nameof(contribution));
        if (contribution.Records > contribution.ShareRecords)
            throw new ArgumentOutOfRangeException(nameof(contribution), contribution,
                string.Create(CultureInfo.InvariantCulture, $"expected at most the share's {contribution.ShareRecords} records to contribute, got {contribution.Records}"));
        await GatherScalarsAsync(iteration, contribution, cancellation).ConfigureAwait(false);
        long total = _records.Sum(), batch = _shares.Sum();
        int dropped = _dropped.Sum();
        if (batch == 0)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"iteration {iteration}: no rank of {_records.Length} had a record"));
        double globalLoss = GlobalLoss(total, batch);
        if (total == 0 || total < MinimumContribution * batch)
        {
            Method.State.Iteration++; // the batch still counts as an iteration, as the training loop counts it
            return new AllReduceResult(globalLoss, total, Method.CurrentLearningRate) { BatchRecords = batch, DroppedReplicas = dropped, Applied = false };
        }
        await ScatterGradientsAsync(iteration, cancellation).ConfigureAwait(false);
        Method.UpdateHyperParameter();
        double learningRate = Method.CurrentLearningRate;
        if (Master is not null) await ReduceOwnSliceAsync(iteration, total, batch, cancellation).ConfigureAwait(false);
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
        return new AllReduceResult(globalLoss, total, learningRate) { BatchRecords = batch, DroppedReplicas = dropped };
    }

    /// <summary>
    /// All-gathers the ranks' <paramref name="values"/> of iteration <paramref name="iteration"/> (any number per rank,
    /// e.g. the replica times drop-slow learns its threshold from); returns them concatenated in rank order, the same on every rank.
    /// </summary>
    /// <exception cref="PeerLostException">A peer left or aborted.</exception>
    /// <exception cref="InvalidDataException">A peer sent a frame that does not hold whole numbers.</exception>
    public async ValueTask<double[]> GatherValuesAsync(int iteration, ReadOnlyMemory<double> values, CancellationToken cancellation = default)
    {
        var byRank = new double[_transport.WorldSize][];
        byRank[Rank] = values.ToArray();
        await AllGatherAsync(FrameType.Values, iteration, MemoryMarshal.AsBytes(values.Span).ToArray(), cancellation, (source, frame) =>
        {
            if (frame.Payload.Length % sizeof(double) != 0)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"rank {Rank}: expected a {FrameType.Values} frame of whole doubles from rank {source}, got {frame.Payload.Length} bytes"));
            byRank[source] = MemoryMarshal.Cast<byte, double>(frame.Payload.Span).ToArray();
        }).ConfigureAwait(false);
        return [.. byRank.SelectMany(v => v)];
    }

    private ValueTask GatherScalarsAsync(int iteration, RankContribution contribution, CancellationToken cancellation)
    {
        BinaryPrimitives.WriteDoubleLittleEndian(_scalars, contribution.Loss);
        BinaryPrimitives.WriteInt64LittleEndian(_scalars.AsSpan(8), contribution.Records);
        BinaryPrimitives.WriteInt64LittleEndian(_scalars.AsSpan(16), contribution.ShareRecords);
        BinaryPrimitives.WriteInt32LittleEndian(_scalars.AsSpan(24), contribution.DroppedReplicas);
        _losses[Rank] = contribution.Loss;
        _records[Rank] = contribution.Records;
        _shares[Rank] = contribution.ShareRecords;
        _dropped[Rank] = contribution.DroppedReplicas;
        return AllGatherAsync(FrameType.Scalars, iteration, _scalars, cancellation, (source, frame) =>
        {
            RequireLength(frame, ScalarsLength);
            var payload = frame.Payload.Span;
            _losses[source] = BinaryPrimitives.ReadDoubleLittleEndian(payload);
            _records[source] = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
            _shares[source] = BinaryPrimitives.ReadInt64LittleEndian(payload[16..]);
            _dropped[source] = BinaryPrimitives.ReadInt32LittleEndian(payload[24..]);
            if (_records[source] < 0 || _records[source] > _shares[source] || _dropped[source] < 0)
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                    $"rank {Rank}: rank {source} sent {_records[source]} records of a share of {_shares[source]} and {_dropped[source]} dropped replicas"));
        });
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
        await AllGatherAsync(FrameType.NormSquares, iteration, mine, cancellation, (source, frame) =>
        {
            RequireLength(frame, sizeof(double));
            _squares[source] = BinaryPrimitives.ReadDoubleLittleEndian(frame.Payload.Span);
        }).ConfigureAwait(false);
        double total = 0;
        foreach (double value in _squares) total += value;
        return total;
    }

    /// <summary>Sends <paramref name="mine"/> to every peer as a <paramref name="type"/> frame and hands each peer's frame of that type to <paramref name="take"/> (its source rank and the frame), releasing it after.</summary>
    private async ValueTask AllGatherAsync(FrameType type, int iteration, ReadOnlyMemory<byte> mine, CancellationToken cancellation, Action<int, Frame> take)
    {
        var header = Header(type, iteration, 0, WireDType.Float64);
        for (int peer = 0; peer < _transport.WorldSize; peer++)
            if (peer != Rank) await _transport.SendAsync(peer, header, mine, cancellation).ConfigureAwait(false);
        for (int received = 1; received < _transport.WorldSize; received++)
        {
            var frame = await _inbox.ReceiveAsync(type, iteration, cancellation).ConfigureAwait(false);
            try
            {
                take(frame.Header.SourceRank, frame);
            }
            finally
            {
                _transport.Release(frame.Payload);
            }
        }
    }

    /// <summary>
    /// The global batch's loss: the ranks' losses weighted by the records they contributed (criteria that average), or
    /// their sum scaled from the <paramref name="total"/> records that contributed to the <paramref name="batch"/>'s (criteria that sum).
    /// </summary>
    private double GlobalLoss(long total, long batch)
    {
        double sum = 0;
        for (int r = 0; r < _losses.Length; r++)
            if (_records[r] > 0) sum += _losses[r] * Weight(r, total, batch);
        return sum;
    }

    /// <summary>Rank <paramref name="r"/>'s weight in the sum: its records over the <paramref name="total"/> contributed (averaging criteria), else the batch over what contributed (1 when nothing was dropped).</summary>
    private double Weight(int r, long total, long batch) => _recordWeighted ? (double)_records[r] / total : (double)batch / total;

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

    // Σ_r w_r·g_r over the ranks in rank order (see Weight), whatever order frames came in.
    private async ValueTask ReduceOwnSliceAsync(int iteration, long total, long batch, CancellationToken cancellation)
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
            var weight = T.CreateTruncating(Weight(r, total, batch));
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
