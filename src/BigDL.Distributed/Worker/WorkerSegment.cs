using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using BigDL.DataSets;
using BigDL.Distributed.Control;
using BigDL.Distributed.Data;
using BigDL.Distributed.Jobs;
using BigDL.Distributed.Transport;
using BigDL.Distributed.Transport.Tcp;
using BigDL.Optim;

namespace BigDL.Distributed.Worker;

/// <summary>
/// One worker's part of a job: joins the mesh of its peers (its listener's address published through the control
/// plane's all-gather), then reads the share streams on its input one after the other. For every share of a training
/// stream it computes the share's gradient on its replicas and runs the all-reduce; rank 0 reports each iteration's
/// loss to the driver; when the stream ends (the segment does), it averages the running statistics and returns its
/// optimizer shard (and rank 0 the trained model) as its <see cref="SegmentResult{T}"/>, then goes on from that state
/// with the next stream. A validation stream it scores with the spec's validation methods and returns the
/// <see cref="ValidationScores"/>. The end of its input ends its work.
/// </summary>
internal static class WorkerSegment
{
    /// <summary>Trains the job of <paramref name="spec"/> on the training streams read from <paramref name="data"/> and scores its validation streams.</summary>
    /// <exception cref="SegmentFailure">The segment failed; its exit code says why (peer lost, data, protocol).</exception>
    /// <param name="control">The worker's control connection.</param>
    /// <param name="token">The job's token, which authenticates the mesh links.</param>
    /// <param name="meshAddress">The address to take mesh links on and publish to the peers.</param>
    /// <param name="spec">The segment.</param>
    /// <param name="data">The streams of this rank's shares, training and validation ones in the driver's order.</param>
    /// <param name="cancellation">Stops the segment (the driver aborted or went away).</param>
    public static async Task RunAsync<T>(ControlClient control, ReadOnlyMemory<byte> token, IPAddress meshAddress, JobSpec<T> spec, Stream data, CancellationToken cancellation)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var task = control.Task;
        var settings = spec.Settings;
        Engine.SetCoreNumber(settings.CoresPerRank);
        // A shared slot holds the largest slice of the wire's dtype (gradient slices to their owners, weight slices from them).
        int sharedSlotBytes = settings.SharedMemory
            ? new ParameterSlicing(spec.Model.GetParameters().Weights.NElement(), task.WorldSize).MaxLength * Wire.WireCodec.ElementSize(settings.Compression.DTypeFor<T>())
            : 0;
        var transport = await JoinMeshAsync(control, token, meshAddress, settings, sharedSlotBytes, cancellation).ConfigureAwait(false);
        RankTrainer<T> trainer;
        try
        {
            trainer = RankTrainer<T>.Create(transport, spec.Model, spec.Criterion, spec.Method, settings.CoresPerRank, settings.Compression, settings.Clipping,
                task.Attempt, settings.DropSlow?.Threshold());
        }
        catch
        {
            await transport.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        await using (transport.ConfigureAwait(false))
        using (trainer)
        {
            while (true)
            {
                using var reader = new ShareStreamReader<T>(data);
                if (!Begins(reader)) return;
                switch (reader.Purpose)
                {
                    case { IsTraining: true } training:
                        await TrainAsync(control, transport, trainer, spec, reader, training, cancellation).ConfigureAwait(false);
                        break;
                    case { IsTraining: false }:
                        await ScoreAsync(control, trainer, spec.Validation, reader, cancellation).ConfigureAwait(false);
                        break;
                    default:
                        throw new SegmentFailure(WorkerExitCodes.DataError, "expected a share stream stating its purpose (schema metadata bigdl.purpose), got none");
                }
            }
        }
    }

    /// <summary>Trains on the shares of <paramref name="reader"/>'s stream and sends the driver this rank's result.</summary>
    private static async Task TrainAsync<T>(ControlClient control, IRankTransport transport, RankTrainer<T> trainer, JobSpec<T> spec, ShareStreamReader<T> reader,
        ShareStreamPurpose training, CancellationToken cancellation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var task = control.Task;
        var settings = spec.Settings;
        int iteration = training.FirstIteration;
        try
        {
            while (Next(reader, "training", out var share))
            {
                long started = Stopwatch.GetTimestamp();
                var reduced = await WithinDeadlineAsync(t => trainer.StepAsync(share, training.Epoch, iteration, t), settings.IterationDeadline,
                    string.Create(CultureInfo.InvariantCulture, $"rank {task.Rank}: iteration {iteration}"), cancellation).ConfigureAwait(false);
                if (task.Rank == 0)
                {
                    await control.SendProgressAsync(new JsonObject
                    {
                        ["iteration"] = iteration,
                        ["loss"] = reduced.Loss,
                        ["records"] = reduced.Records,
                        ["learningRate"] = reduced.LearningRate,
                        ["batchRecords"] = reduced.BatchRecords,
                        ["droppedReplicas"] = reduced.DroppedReplicas,
                        ["applied"] = reduced.Applied,
                        ["dropThresholdSeconds"] = trainer.Straggler?.ThresholdSeconds,
                        ["seconds"] = Stopwatch.GetElapsedTime(started).TotalSeconds,
                    }, cancellation).ConfigureAwait(false);
                }
                iteration++;
            }
            // Every rank's replicas then hold the same running statistics: the model returned, scored and saved.
            await WithinDeadlineAsync(async t =>
            {
                await trainer.AverageExtraParametersAsync(iteration, t).ConfigureAwait(false);
                return true;
            }, settings.IterationDeadline, $"rank {task.Rank}: averaging the running statistics", cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not SegmentFailure and not OperationCanceledException)
        {
            await AbortPeersAsync(transport, task.Attempt, iteration).ConfigureAwait(false);
            throw e switch
            {
                ControlException refused => new SegmentFailure(refused.ExitCode, e.Message, e),
                PeerLostException or IOException => new SegmentFailure(WorkerExitCodes.PeerLost, e.Message, e),
                InvalidDataException => new SegmentFailure(WorkerExitCodes.ProtocolMismatch, e.Message, e),
                _ => e,
            };
        }
        catch (SegmentFailure)
        {
            await AbortPeersAsync(transport, task.Attempt, iteration).ConfigureAwait(false);
            throw;
        }

        var result = new SegmentResult<T>(task.Rank, iteration - training.FirstIteration, trainer.AllReduce.Method, task.Rank == 0 ? spec.Model : null);
        await control.SendResultAsync(result.Encode(), cancellation).ConfigureAwait(false);
    }

    /// <summary>Scores the shares of <paramref name="reader"/>'s stream (a validation set's) with <paramref name="methods"/> and sends the driver the results.</summary>
    private static async Task ScoreAsync<T>(ControlClient control, RankTrainer<T> trainer, ValidationMethod<T>[]? methods, ShareStreamReader<T> reader,
        CancellationToken cancellation) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (methods is null)
            throw new SegmentFailure(WorkerExitCodes.JobError, "the driver sent a validation stream, but the job spec has no validation methods");
        var results = trainer.Score(Shares(reader), methods);
        await control.SendScoresAsync(new ValidationScores(control.Task.Rank, results).Encode(), cancellation).ConfigureAwait(false);
    }

    /// <summary>The shares of <paramref name="reader"/>'s validation stream that hold records.</summary>
    private static IEnumerable<MiniBatch<T>> Shares<T>(ShareStreamReader<T> reader) where T : unmanaged, IFloatingPointIeee754<T>
    {
        while (Next(reader, "validation", out var share))
            if (share is not null) yield return share;
    }

    /// <summary>Runs the collective <paramref name="work"/>; past <paramref name="deadline"/> a peer hangs and the segment fails.</summary>
    private static async Task<TResult> WithinDeadlineAsync<TResult>(Func<CancellationToken, ValueTask<TResult>> work, TimeSpan deadline, string what,
        CancellationToken cancellation)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        timeout.CancelAfter(deadline);
        try
        {
            return await work(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw new SegmentFailure(WorkerExitCodes.PeerLost, string.Create(CultureInfo.InvariantCulture,
                $"{what} did not complete within {deadline.TotalSeconds:0.#} s: a peer hangs"));
        }
    }

    private static async Task<IRankTransport> JoinMeshAsync(ControlClient control, ReadOnlyMemory<byte> token, IPAddress meshAddress, SegmentSettings settings,
        int sharedSlotBytes, CancellationToken cancellation)
    {
        var task = control.Task;
        using var listener = TcpMeshListener.Bind(meshAddress);
        var published = await control.AllGatherAsync(Encoding.UTF8.GetBytes(listener.EndPoint.ToString()), cancellation).ConfigureAwait(false);
        var peers = published.Select(p => IPEndPoint.Parse(Encoding.UTF8.GetString(p))).ToArray();
        try
        {
            return await TcpMesh.ConnectAsync(listener, new MeshIdentity(task.JobId, task.Attempt, task.Rank, task.WorldSize, token), peers,
                new TcpMeshOptions { PeerSilence = settings.PeerSilence, SharedSlotBytes = sharedSlotBytes }, cancellation).ConfigureAwait(false);
        }
        catch (MeshHandshakeException e)
        {
            throw new SegmentFailure(WorkerExitCodes.ProtocolMismatch, e.Message, e);
        }
        catch (Exception e) when (e is IOException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new SegmentFailure(WorkerExitCodes.PeerLost, $"rank {task.Rank}: could not connect to its peers: {e.Message}", e);
        }
    }

    /// <summary>The next share; a stream that breaks off or does not fit is a data error.</summary>
    private static bool Next<T>(ShareStreamReader<T> reader, string stream, out MiniBatch<T>? share) where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            return reader.TryRead(out share);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            throw DataError(stream, e);
        }
    }

    /// <summary>Whether another stream begins (false: the input ended); one that does not fit is a data error.</summary>
    private static bool Begins<T>(ShareStreamReader<T> reader) where T : unmanaged, IFloatingPointIeee754<T>
    {
        try
        {
            return reader.Begins();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or EndOfStreamException)
        {
            throw DataError("next", e);
        }
    }

    private static SegmentFailure DataError(string stream, Exception e) =>
        new(WorkerExitCodes.DataError, $"the {stream} data stream broke off or does not fit: {e.Message}", e);

    /// <summary>Tells every peer this generation is over (best effort: a lost peer cannot hear it).</summary>
    private static async Task AbortPeersAsync(IRankTransport transport, int generation, int iteration)
    {
        using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        for (int peer = 0; peer < transport.WorldSize; peer++)
        {
            if (peer == transport.Rank) continue;
            try
            {
                await transport.SendAsync(peer, new FrameHeader(FrameType.Abort, generation, iteration, transport.Rank, 0, Wire.WireDType.Float32), default, quick.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is PeerLostException or IOException or OperationCanceledException or ObjectDisposedException)
            {
                // that peer is gone already
            }
        }
    }
}
