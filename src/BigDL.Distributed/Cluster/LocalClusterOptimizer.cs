using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using BigDL.DataSets;
using BigDL.Distributed.Jobs;
using BigDL.Distributed.Transport.Shared;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Cluster;

/// <summary>
/// BigDL's <c>DistriOptimizer</c> on worker processes of this machine (like Spark's <c>local-cluster[N, cores, mem]</c>):
/// this process is the driver. It starts <see cref="Workers"/> worker processes, hands them the job spec (model,
/// weights, criterion, optim method state, validation methods and settings — never code), and streams every worker its
/// share of each global mini-batch; the workers train with BigDL's all-reduce over TCP (slices through shared memory
/// between workers of this machine, as <see cref="WorkerPlacement.SharedMemory"/> says) and rank 0 reports every
/// iteration. Training runs in segments: one ends at the end of an epoch, after <see cref="IterationsPerSegment"/>
/// iterations, before validation or a checkpoint, before a batch whose records have other shapes, and when training
/// ends; the workers then return the trained weights and their optimizer shards, which become this process's model and
/// optim method state, and go on with the next segment from the state they hold.
/// </summary>
/// <remarks>
/// A segment whose worker fails (killed, hung past <see cref="IterationDeadline"/>, lost its peer) is run again from the
/// state at its start (kept as a job spec) by new workers of the next generation, replaying its batches, as <see cref="Retry"/> allows;
/// so no training state is lost. The numbers equal those of <see cref="DistributedOptimizer.InProcess{T}"/> with as
/// many ranks. Validation runs on the workers between segments: each scores its share of the validation
/// batches with the model whose running statistics were averaged over the ranks, and this process merges the counts;
/// it runs here instead when a validation method is not one of the library's or a worker fails
/// (<see cref="WorkerValidations"/> counts the others). With <see cref="SetDropModuleProperty"/> (BigDL's drop-slow,
/// off by default) late replicas are left out of iterations; <see cref="DropStatistics"/> says how often.
/// </remarks>
public sealed class LocalClusterOptimizer<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<DateTime> _failures = [];
    private WorkerGeneration<T>? _workers;
    private byte[]? _snapshot;
    private (int Epoch, int Iteration, long RecordsInEpoch, DropStatistics Dropped) _segmentStart;
    private (int Epoch, long Records) _epochRecords;
    private string _jobId = "";
    private byte[] _token = [];
    private int _generation;
    private ParameterSlicing? _slicing;
    private bool _replayPending;
    private ValidationMethod<T>[]? _workerValidation;
    private string _workerAssembly = "";
    private CancellationToken _cancellation;

    internal LocalClusterOptimizer(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion, int workers, int coresPerWorker, WireCompression compression)
        : base(model, dataset, criterion)
    {
        Placement = new WorkerPlacement(workers);
        CoresPerWorker = coresPerWorker;
        _ = compression.DTypeFor<T>(); // refuses an undefined value
        Compression = compression;
    }

    /// <summary>The number of worker processes (BigDL's node number).</summary>
    public int Workers => Placement.Workers;

    /// <summary>Where the worker processes run (all on loopback unless set).</summary>
    public WorkerPlacement Placement { get; private set; }

    /// <summary>The model replicas, and cores, of each worker (BigDL's core number).</summary>
    public int CoresPerWorker { get; }

    /// <summary>How gradients and weights travel between workers.</summary>
    public WireCompression Compression { get; private set; }

    /// <summary>The most iterations of one segment (an epoch at most); null: a segment lasts an epoch.</summary>
    public int? IterationsPerSegment { get; private set; }

    /// <summary>How long a worker waits for its peers in one iteration before the segment fails as hung.</summary>
    public TimeSpan IterationDeadline { get; private set; } = TimeSpan.FromSeconds(120);

    /// <summary>When a failed segment is run again.</summary>
    public RetryPolicy Retry { get; private set; } = RetryPolicy.Default;

    /// <summary>Segments trained in the last training run, not counting their runs again after failures.</summary>
    public int Segments { get; private set; }

    /// <summary>Segments run again after a failure so far.</summary>
    public int Retries { get; private set; }

    /// <summary>Validations the workers scored in the last training run; the others (custom validation methods, a worker failed) ran in this process.</summary>
    public int WorkerValidations { get; private set; }

    /// <summary>The worker process ids by rank while workers run (empty before the first segment and after training), e.g. to watch them.</summary>
    public IReadOnlyList<int> WorkerProcessIds => _workers?.ProcessIds ?? [];

    /// <summary>BigDL's drop-slow option; null (the default): every replica is waited for.</summary>
    public DropSlowPolicy? DropSlow { get; private set; }

    /// <summary>What drop-slow did in the last training run (all zero while it is off).</summary>
    public DropStatistics DropStatistics { get; private set; }

    /// <summary>Compresses gradients and weights on the wire with <paramref name="compression"/>.</summary>
    public LocalClusterOptimizer<T> SetCompression(WireCompression compression)
    {
        _ = compression.DTypeFor<T>();
        Compression = compression;
        return this;
    }

    /// <summary>Leaves late replicas out of iterations as <paramref name="policy"/> says (null: waits for all, the default).</summary>
    public LocalClusterOptimizer<T> SetDropSlow(DropSlowPolicy? policy)
    {
        DropSlow = policy;
        return this;
    }

    /// <summary>BigDL's <c>setDropModuleProperty</c>: <see cref="SetDropSlow"/> with a <see cref="DropSlowPolicy"/> of these numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range (see <see cref="DropSlowPolicy"/>).</exception>
    public LocalClusterOptimizer<T> SetDropModuleProperty(double dropPercentage, double maxDropPercentage, int batchSize = 100, int warmupIteration = 200) =>
        SetDropSlow(new DropSlowPolicy(dropPercentage, maxDropPercentage, batchSize, warmupIteration));

    /// <summary>Ends segments after at most <paramref name="iterations"/> iterations (the state returns to this process that often).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="iterations"/> is below 1.</exception>
    public LocalClusterOptimizer<T> SetIterationsPerSegment(int iterations)
    {
        if (iterations < 1)
            throw new ArgumentOutOfRangeException(nameof(iterations), iterations, string.Create(CultureInfo.InvariantCulture, $"expected iterations per segment >= 1, got {iterations}"));
        IterationsPerSegment = iterations;
        return this;
    }

    /// <summary>Fails a segment when an iteration takes longer than <paramref name="deadline"/> (a hung worker).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="deadline"/> is not positive.</exception>
    public LocalClusterOptimizer<T> SetIterationDeadline(TimeSpan deadline)
    {
        if (deadline <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(deadline), deadline, $"expected a positive iteration deadline, got {deadline}");
        IterationDeadline = deadline;
        return this;
    }

    /// <summary>Runs the workers as <paramref name="placement"/> says (e.g. each in its own network namespace); it must keep the number of workers.</summary>
    /// <exception cref="ArgumentException"><paramref name="placement"/> has another number of workers.</exception>
    public LocalClusterOptimizer<T> SetPlacement(WorkerPlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        if (placement.Workers != Workers)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected a placement of the optimizer's {Workers} workers, got {placement.Workers}"), nameof(placement));
        Placement = placement;
        return this;
    }

    /// <summary>Retries failed segments as <paramref name="policy"/> allows.</summary>
    public LocalClusterOptimizer<T> SetRetryPolicy(RetryPolicy policy)
    {
        Retry = policy ?? throw new ArgumentNullException(nameof(policy));
        return this;
    }

    /// <inheritdoc/>
    protected override Module<T> Run(CancellationToken cancellation)
    {
        OptimMethodShards.RequireElementWise(OptimMethod);
        long recordsInEpoch = Resume();
        _workerAssembly = WorkerExecutable.Locate();
        _cancellation = cancellation;
        _replayPending = false;
        _jobId = Guid.NewGuid().ToString("N");
        _token = RandomNumberGenerator.GetBytes(32);
        _generation = 0;
        Segments = 0;
        Retries = 0;
        WorkerValidations = 0;
        DropStatistics = default;
        _failures.Clear();
        _epochRecords = (OptimMethod.State.Epoch, recordsInEpoch);
        _slicing = new ParameterSlicing(Model.GetParameters().Weights.NElement(), Workers);
        _workerValidation = Validation is { Methods: var methods } && methods.All(TravelsToWorkers) ? methods : null;
        try
        {
            var trained = Train(recordsInEpoch, Step, cancellation);
            RetireWorkers();
            return trained;
        }
        finally
        {
            KillWorkers();
        }
    }

    /// <inheritdoc/>
    private protected override void Synchronize()
    {
        if (_workers is { Training: false } || (_workers is null && !_replayPending)) return;
        var results = Retrying(() => _workers!.Finish());
        var shards = new OptimMethod<T>[results.Count];
        for (int rank = 0; rank < results.Count; rank++)
        {
            var result = SegmentResult<T>.Decode(results[rank], Model);
            if (result.Rank != rank) throw new InvalidDataException($"worker rank {rank} returned the result of rank {result.Rank}");
            if (rank == 0 && result.Model is null) throw new InvalidDataException("worker rank 0 returned no model");
            shards[rank] = result.Shard;
        }
        OptimMethodShards.Gather(OptimMethod, shards, _slicing!);
    }

    /// <summary>
    /// Scores the synchronised model: each worker, between segments, scores its share of every validation batch
    /// and the driver merges the ranks' results; without such workers, when one fails, or for validation batches of
    /// several shapes (one stream has one), this process scores it.
    /// </summary>
    private protected override ValidationResult[]? Score(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods)
    {
        if (_workers is { Training: false } workers && _workerValidation is not null)
        {
            try
            {
                var scores = workers.Score(data.Data(train: false));
                WorkerValidations++;
                return scores is null ? null : RankScores.Merge([.. scores.Select((bytes, rank) => RankResults(bytes, rank, methods.Length))]);
            }
            catch (Exception e) when (e is WorkerFailedException or ArgumentException) // a worker failed, or the batches changed shape
            {
                KillWorkers(); // the trained state is in this process already
            }
        }
        return ModelPrediction.Score(Model, data.Data(train: false), methods);
    }

    private static ValidationResult[]? RankResults(byte[] bytes, int rank, int methods)
    {
        var scores = ValidationScores.Decode(bytes, methods);
        return scores.Rank == rank ? scores.Results : throw new InvalidDataException($"worker rank {rank} returned the validation scores of rank {scores.Rank}");
    }

    /// <summary>
    /// Whether <paramref name="method"/> can travel in a job spec: it is one of the library's (a worker process loads no
    /// assembly of the caller's) and follows the constructor-argument convention.
    /// </summary>
    private static bool TravelsToWorkers(ValidationMethod<T> method)
    {
        if (method.GetType().Assembly != typeof(ValidationMethod<T>).Assembly) return false;
        try
        {
            new Interop.ObjectEncoder<T>().Object(method);
            return true;
        }
        catch (NotSupportedException)
        {
            return false;
        }
    }

    private (double Loss, double LearningRate) Step(MiniBatch<T> batch)
    {
        var state = OptimMethod.State;
        if (_epochRecords.Epoch != state.Epoch) _epochRecords = (state.Epoch, 0);
        // A segment streams records of one shape: a batch of other shapes starts the next segment.
        if (_workers is { Training: true } && (_workers.Iterations >= IterationsPerSegment || !_workers.Accepts(batch))) Synchronize();
        var (result, threshold) = Retrying(() =>
        {
            if (_workers is not { Training: true }) BeginSegment();
            return _workers!.Step(batch, state.Iteration);
        });
        state.Iteration++;
        _epochRecords.Records += batch.Size;
        DropStatistics = DropStatistics.Add(result, threshold);
        return (result.Loss, result.LearningRate);
    }

    /// <summary>
    /// Runs <paramref name="attempt"/> on the segment; when a worker fails, starts the segment again from its snapshot
    /// with new workers (replaying the iterations it had done) and tries again, as the retry policy allows.
    /// </summary>
    private TResult Retrying<TResult>(Func<TResult> attempt)
    {
        while (true)
        {
            try
            {
                if (_replayPending)
                {
                    Replay();
                    _replayPending = false;
                }
                return attempt();
            }
            catch (WorkerFailedException failure) when (failure.Retryable && !_cancellation.IsCancellationRequested)
            {
                KillWorkers();
                _failures.Add(DateTime.UtcNow);
                if (!Retry.Allows(_failures, DateTime.UtcNow))
                    throw new WorkerFailedException(failure.Rank, failure.ExitCode, false, string.Create(CultureInfo.InvariantCulture,
                        $"giving up after {_failures.Count} failures within {Retry.Window.TotalSeconds} s (the retry policy allows {Retry.Times}); the last: {failure.Message}"), failure);
                Retries++;
                _generation++;
                _replayPending = true;
            }
        }
    }

    /// <summary>
    /// Begins a segment at the current state, which it keeps as the snapshot a retry starts from: the workers of the
    /// last segment go on from the state they hold (this process's since it synchronised), or new workers start.
    /// </summary>
    private void BeginSegment()
    {
        var state = OptimMethod.State;
        var drop = DropSlow is { } policy ? new DropSlowStart(policy, DropStatistics.ThresholdSeconds, DropStatistics.Iterations) : null;
        var settings = new SegmentSettings(CoresPerWorker, Compression, Clipping, IterationDeadline, IterationDeadline, drop,
            Placement.SharedMemory);
        _snapshot = new JobSpec<T>(Model, Criterion, OptimMethod, settings, _workerValidation).Encode();
        _segmentStart = (state.Epoch, state.Iteration, _epochRecords.Records, DropStatistics);
        _workers ??= Launch();
        _workers.BeginTraining(state.Epoch, state.Iteration);
        Segments++;
    }

    /// <summary>Starts the failed segment again from its snapshot with new workers and trains them through the batches it had done.</summary>
    private void Replay()
    {
        var (epoch, iteration, records, dropped) = _segmentStart;
        DropStatistics = dropped;
        _workers = Launch();
        _workers.BeginTraining(epoch, iteration);
        int done = OptimMethod.State.Iteration - iteration;
        if (done == 0) return;
        using var batches = Epoch(epoch, records);
        for (int i = 0; i < done; i++)
        {
            var batch = Next(batches) ?? throw new InvalidOperationException($"epoch {epoch} ended while replaying iteration {iteration + i} of a failed segment");
            var (result, threshold) = _workers.Step(batch, iteration + i);
            DropStatistics = DropStatistics.Add(result, threshold);
        }
    }

    private WorkerGeneration<T> Launch() =>
        WorkerGeneration<T>.StartAsync(_workerAssembly, Placement, _jobId, _generation, _token, _snapshot!, IterationDeadline, _cancellation).GetAwaiter().GetResult();

    /// <summary>Lets the workers exit once training ends; one that fails to is an error (the trained state is in this process already).</summary>
    private void RetireWorkers()
    {
        if (_workers is null) return;
        try
        {
            _workers.Close();
        }
        finally
        {
            KillWorkers();
        }
    }

    /// <summary>Ends the workers at once: kills whatever still runs of them.</summary>
    private void KillWorkers()
    {
        if (_workers is null) return;
        _workers.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _workers = null;
        SharedPayloadFile.DeleteLeftovers(_jobId); // of workers killed before they could delete their own
    }
}
