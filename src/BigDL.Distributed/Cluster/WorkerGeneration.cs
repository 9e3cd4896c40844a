using System.Globalization;
using System.Numerics;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading.Channels;
using BigDL.DataSets;
using BigDL.Distributed.Control;
using BigDL.Distributed.Data;

namespace BigDL.Distributed.Cluster;

/// <summary>
/// One generation of worker processes on this machine, which train segment after segment: a control server, a worker
/// process per rank, and each rank's data streams. <see cref="BeginTraining"/> opens a segment's training streams;
/// <see cref="Step"/> sends every rank its share of a global mini-batch and waits for rank 0's report of the
/// iteration; <see cref="Finish"/> ends the training streams and collects every rank's result. Between segments
/// <see cref="Score"/> streams every rank its share of a validation set and collects the ranks' scores.
/// <see cref="Close"/> ends the workers' input and waits for them to exit. A worker that fails, is killed or hangs
/// turns into a <see cref="WorkerFailedException"/>; disposing kills whatever still runs.
/// </summary>
internal sealed class WorkerGeneration<T> : IAsyncDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>How long workers may take to start and join the control plane.</summary>
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    /// <summary>How long the others get to report after the first failure, so the error names the root cause.</summary>
    private static readonly TimeSpan FailureGrace = TimeSpan.FromMilliseconds(500);

    private readonly ControlServer _server;
    private readonly WorkerProcess[] _byRank;
    private readonly TimeSpan _iterationDeadline;
    private readonly Dictionary<int, (int? Code, string Message)> _failures = [];
    private readonly byte[]?[] _results;
    private readonly byte[]?[] _scores;
    private ShareStreamWriter<T>[]? _writers;
    private ShareStreamPurpose? _training;
    private (int[] Input, int[] Target)? _shapes;

    private WorkerGeneration(ControlServer server, WorkerProcess[] byRank, TimeSpan iterationDeadline)
    {
        _server = server;
        _byRank = byRank;
        _iterationDeadline = iterationDeadline;
        _results = new byte[byRank.Length][];
        _scores = new byte[byRank.Length][];
    }

    /// <summary>Whether a segment's training streams are open (from <see cref="BeginTraining"/> to <see cref="Finish"/>).</summary>
    public bool Training => _training is not null;

    /// <summary>Iterations stepped in the current segment.</summary>
    public int Iterations { get; private set; }

    /// <summary>The worker processes' ids, by rank.</summary>
    public IReadOnlyList<int> ProcessIds => [.. _byRank.Select(p => p.Id)];

    /// <summary>Starts the worker processes of <paramref name="placement"/> for attempt <paramref name="attempt"/> and waits until each has joined.</summary>
    public static async Task<WorkerGeneration<T>> StartAsync(string workerAssembly, WorkerPlacement placement, string jobId, int attempt, byte[] token, byte[] spec,
        TimeSpan iterationDeadline, CancellationToken cancellation)
    {
        int workers = placement.Workers;
        var server = ControlServer.Start(jobId, workers, attempt, token, spec, placement.ControlAddress);
        var started = new List<WorkerProcess>();
        try
        {
            for (int i = 0; i < workers; i++) started.Add(WorkerProcess.Start(workerAssembly, server.EndPoint, token, placement.CommandPrefix(i)));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            deadline.CancelAfter(StartDeadline);
            var byRank = new WorkerProcess[workers];
            while (byRank.Any(p => p is null))
            {
                for (int rank = 0; rank < workers; rank++)
                    if (byRank[rank] is null && server.WorkerProcessIds[rank] is int pid) byRank[rank] = started.Single(p => p.Id == pid);
                if (started.FirstOrDefault(p => p.HasExited && !byRank.Contains(p)) is { } early)
                    throw new WorkerFailedException(-1, early.ExitCode, retryable: !Repeats(early.ExitCode),
                        $"a worker process exited with code {early.ExitCode} before joining the job:{Environment.NewLine}{early.StandardErrorTail}");
                try
                {
                    await Task.Delay(10, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
                {
                    throw new WorkerFailedException(-1, null, retryable: true,
                        string.Create(CultureInfo.InvariantCulture, $"only {byRank.Count(p => p is not null)} of {workers} workers joined within {StartDeadline.TotalSeconds} s"));
                }
            }
            return new WorkerGeneration<T>(server, byRank, iterationDeadline);
        }
        catch
        {
            foreach (var process in started) process.Dispose();
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens every rank's training stream of a segment of <paramref name="epoch"/> that starts at iteration <paramref name="firstIteration"/>.</summary>
    /// <exception cref="InvalidOperationException">A segment's training streams are open.</exception>
    public void BeginTraining(int epoch, int firstIteration)
    {
        if (Training) throw new InvalidOperationException("a segment is training; Finish it before the next begins");
        _training = ShareStreamPurpose.Training(epoch, firstIteration);
        _writers = null;
        _shapes = null;
        Iterations = 0;
        Array.Clear(_results);
    }

    /// <summary>Whether <paramref name="batch"/>'s records have the shapes of this segment's data streams (always, before the first batch).</summary>
    public bool Accepts(MiniBatch<T> batch) => _shapes is not { } shapes || HasShapes(batch, shapes);

    /// <summary>
    /// Sends every rank its share of <paramref name="batch"/> for <paramref name="iteration"/>; returns rank 0's report of
    /// the iteration's all-reduce and the drop-slow threshold in force after it (null: none).
    /// </summary>
    /// <exception cref="WorkerFailedException">A worker failed before the iteration completed.</exception>
    public (AllReduceResult Result, double? DropThresholdSeconds) Step(MiniBatch<T> batch, int iteration)
    {
        if (_training is null) throw new InvalidOperationException("no segment is training; BeginTraining first");
        if (!Accepts(batch)) throw OtherShapes(_shapes!.Value, "records", " in this segment", batch, nameof(batch));
        _shapes ??= RecordShapes(batch);
        _writers ??= [.. _byRank.Select(p => new ShareStreamWriter<T>(p.Input, _shapes.Value.Input, _shapes.Value.Target, _training))];
        Send(rank => _writers[rank].Write(BatchShares.Of(batch, _byRank.Length, rank)));
        Iterations++;
        while (true)
        {
            var report = Next(iteration);
            if (report is WorkerProgress { Rank: 0, Progress: var p } && (int)p["iteration"]! == iteration)
            {
                var result = new AllReduceResult((double)p["loss"]!, (long)p["records"]!, (double)p["learningRate"]!)
                {
                    BatchRecords = (long)p["batchRecords"]!,
                    DroppedReplicas = (int)p["droppedReplicas"]!,
                    Applied = (bool)p["applied"]!,
                };
                return (result, (double?)p["dropThresholdSeconds"]);
            }
        }
    }

    /// <summary>Ends every rank's training stream and returns the ranks' results of the segment, by rank.</summary>
    /// <exception cref="InvalidOperationException">No segment is training.</exception>
    /// <exception cref="WorkerFailedException">A worker failed instead of returning its result.</exception>
    public IReadOnlyList<byte[]> Finish()
    {
        var training = _training ?? throw new InvalidOperationException("no segment is training; BeginTraining first");
        var writers = _writers ?? [.. _byRank.Select(p => new ShareStreamWriter<T>(p.Input, [1], [], training))]; // no batch: an empty training stream
        try
        {
            Send(rank => writers[rank].Complete());
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
            _writers = null;
        }
        while (_results.Any(r => r is null)) Next(iteration: null);
        _training = null;
        return [.. _results.Select(r => r!)];
    }

    /// <summary>
    /// Streams every rank its share of each of <paramref name="batches"/> (records of one shape) and returns the ranks'
    /// scores of them, by rank; null when there is no batch.
    /// </summary>
    /// <exception cref="InvalidOperationException">A segment is training.</exception>
    /// <exception cref="ArgumentException">A batch's records have other shapes than the first's.</exception>
    /// <exception cref="WorkerFailedException">A worker failed instead of returning its scores.</exception>
    public IReadOnlyList<byte[]>? Score(IEnumerable<MiniBatch<T>> batches)
    {
        if (Training) throw new InvalidOperationException("the workers score validation sets between segments; Finish the training one first");
        ShareStreamWriter<T>[]? writers = null;
        (int[] Input, int[] Target) shapes = ([], []);
        try
        {
            foreach (var batch in batches)
            {
                if (writers is null)
                {
                    shapes = RecordShapes(batch);
                    writers = [.. _byRank.Select(p => new ShareStreamWriter<T>(p.Input, shapes.Input, shapes.Target, ShareStreamPurpose.Validation))];
                }
                else if (!HasShapes(batch, shapes))
                {
                    throw OtherShapes(shapes, "validation records", ", as the first batch's", batch, nameof(batches));
                }
                Send(rank => writers[rank].Write(BatchShares.Of(batch, _byRank.Length, rank)));
            }
            if (writers is null) return null;
            Array.Clear(_scores);
            Send(rank => writers[rank].Complete());
            while (_scores.Any(s => s is null)) Next(iteration: null);
            return [.. _scores.Select(s => s!)];
        }
        finally
        {
            foreach (var writer in writers ?? []) writer.Dispose();
        }
    }

    /// <summary>Ends every rank's input and waits until every worker has exited cleanly.</summary>
    /// <exception cref="WorkerFailedException">A worker did not exit, or exited with an error.</exception>
    public void Close()
    {
        foreach (var process in _byRank) process.Input.Close();
        foreach (var (process, rank) in _byRank.Select((p, r) => (p, r)))
        {
            if (!process.WaitForExit(_iterationDeadline) || process.ExitCode != WorkerExitCodes.Ok)
                throw Failure(rank, $"rank {rank} ended its work but then {(process.HasExited ? $"exited with code {process.ExitCode}" : "did not exit")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _byRank) process.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The sizes of one record of <paramref name="batch"/>'s input and target (without the batch dimension).</summary>
    private static (int[] Input, int[] Target) RecordShapes(MiniBatch<T> batch) => (batch.Input.Size()[1..], batch.Target.Size()[1..]);

    private static bool HasShapes(MiniBatch<T> batch, (int[] Input, int[] Target) shapes)
    {
        var (input, target) = RecordShapes(batch);
        return input.SequenceEqual(shapes.Input) && target.SequenceEqual(shapes.Target);
    }

    private static ArgumentException OtherShapes((int[] Input, int[] Target) shapes, string records, string context, MiniBatch<T> batch, string argument) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"expected {records} of input [{string.Join(", ", shapes.Input)}] and target [{string.Join(", ", shapes.Target)}]{context}, got {batch}"), argument);

    /// <summary>
    /// Runs <paramref name="write"/> for every rank at once (a rank waiting for its share should not wait for the others');
    /// a worker that does not take its share within two iteration deadlines (hung, its pipe full) fails the segment.
    /// </summary>
    private void Send(Action<int> write)
    {
        var writes = Enumerable.Range(0, _byRank.Length).Select(rank => Task.Run(() => write(rank))).ToArray();
        try
        {
            if (!Task.WaitAll(writes, _iterationDeadline + _iterationDeadline))
            {
                int stuck = Array.FindIndex(writes, w => !w.IsCompleted);
                WaitForFailures(DateTime.UtcNow + FailureGrace);
                throw Failure(stuck, string.Create(CultureInfo.InvariantCulture,
                    $"rank {stuck} did not take its share of the data for {(2 * _iterationDeadline).TotalSeconds} s: the worker hangs"));
            }
        }
        catch (AggregateException)
        {
            int rank = Array.FindIndex(writes, w => w.IsFaulted);
            if (writes[rank].Exception!.InnerException is not IOException)
                ExceptionDispatchInfo.Throw(writes[rank].Exception!.InnerException!);
            // A broken pipe means the worker is gone: wait for its (or a peer's) report of why.
            WaitForFailures(DateTime.UtcNow + FailureGrace + _iterationDeadline);
            throw FirstFailure() ?? Failure(rank, $"the data stream of rank {rank} broke: {writes[rank].Exception!.InnerException!.Message}");
        }
    }

    /// <summary>The next report that is not a log line; failures and losses of workers end the segment.</summary>
    private WorkerReport Next(int? iteration)
    {
        var deadline = new CancellationTokenSource(_iterationDeadline + _iterationDeadline);
        WorkerReport report;
        try
        {
            report = _server.Reports.ReadAsync(deadline.Token).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            throw Failure(0, "every worker left the control plane before the segment ended");
        }
        catch (OperationCanceledException)
        {
            throw Failure(0, string.Create(CultureInfo.InvariantCulture,
                $"no worker reported for {(2 * _iterationDeadline).TotalSeconds} s{(iteration is int i ? $" in iteration {i}" : " after its data ended")}: the workers hang"));
        }
        finally
        {
            deadline.Dispose();
        }
        switch (report)
        {
            case WorkerResult result:
                _results[result.Rank] = result.Result.ToArray();
                break;
            case WorkerScores scores:
                _scores[scores.Rank] = scores.Scores.ToArray();
                break;
            case WorkerFailure or WorkerDisconnected:
                Record(report);
                WaitForFailures(DateTime.UtcNow + FailureGrace);
                throw FirstFailure()!;
        }
        return report;
    }

    private void Record(WorkerReport report)
    {
        switch (report)
        {
            case WorkerFailure failure:
                _failures[failure.Rank] = (failure.ExitCode, failure.Message);
                break;
            case WorkerDisconnected gone when !_failures.ContainsKey(gone.Rank):
                var process = _byRank[gone.Rank];
                process.WaitForExit(FailureGrace);
                _failures[gone.Rank] = (process.ExitCode, process.HasExited
                    ? $"worker process {process.Id} ended (exit code {process.ExitCode}) without a word"
                    : $"worker process {process.Id} closed its control connection");
                break;
        }
    }

    /// <summary>Collects the failure reports that arrive until <paramref name="until"/>, or until every rank has failed.</summary>
    private void WaitForFailures(DateTime until)
    {
        while (_failures.Count < _byRank.Length && DateTime.UtcNow < until)
        {
            using var wait = new CancellationTokenSource(until - DateTime.UtcNow);
            try
            {
                Record(_server.Reports.ReadAsync(wait.Token).AsTask().GetAwaiter().GetResult());
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                return;
            }
        }
    }

    /// <summary>
    /// The failure that explains the others: a worker that died or hung (its peers then report a lost peer) rather
    /// than one that lost its peer; errors that would repeat (spec, data, protocol) are not retryable.
    /// </summary>
    private WorkerFailedException? FirstFailure()
    {
        if (_failures.Count == 0) return null;
        var root = _failures.OrderBy(f => f.Value.Code == WorkerExitCodes.PeerLost ? 1 : 0).ThenBy(f => f.Key).First();
        var message = new StringBuilder();
        foreach (var (rank, (code, text)) in _failures.OrderBy(f => f.Key))
            message.Append(CultureInfo.InvariantCulture, $"rank {rank} ({(code is int c ? $"exit code {c}" : "no exit code")}): {text}").AppendLine();
        string tail = _byRank[root.Key].StandardErrorTail;
        if (tail.Length > 0) message.Append(CultureInfo.InvariantCulture, $"last stderr of rank {root.Key}:").AppendLine().Append(tail);
        return new WorkerFailedException(root.Key, root.Value.Code, !Repeats(root.Value.Code), message.ToString().TrimEnd());
    }

    /// <summary>Whether a worker that ended with <paramref name="exitCode"/> would end so again: a bad job spec, bad data or a protocol mismatch.</summary>
    private static bool Repeats(int? exitCode) => exitCode is WorkerExitCodes.JobError or WorkerExitCodes.DataError or WorkerExitCodes.ProtocolMismatch;

    private WorkerFailedException Failure(int rank, string message)
    {
        _failures[rank] = (_byRank[rank].ExitCode, message);
        return FirstFailure()!;
    }
}
