using System.Security.Cryptography;
using BigDL.DataSets;
using BigDL.Distributed.Cluster;
using BigDL.Distributed.Control;
using BigDL.Distributed.Data;
using BigDL.Distributed.Jobs;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>
/// The real worker process on its own: after training it scores every validation stream it is sent and exits at the
/// end of its input; it stops when its driver goes away, and says why it cannot start or score.
/// </summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static byte[] Spec(ValidationMethod<float>[]? validation = null) => new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1),
        new SegmentSettings(1, WireCompression.None, GradientClipping.None, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)), validation).Encode();

    /// <summary>The next report of <paramref name="server"/> that is neither progress nor a log line.</summary>
    private static async Task<WorkerReport> NextOutcomeAsync(ControlServer server)
    {
        while (true)
            if (await NextReportAsync(server) is not (WorkerProgress or WorkerLog) and var report) return report;
    }

    /// <summary>Writes the batches of <paramref name="data"/> to <paramref name="input"/> as one share stream for <paramref name="purpose"/>.</summary>
    private static void Stream(Stream input, DataSet<MiniBatch<float>> data, ShareStreamPurpose purpose)
    {
        using var writer = new ShareStreamWriter<float>(input, [6], [], purpose);
        foreach (var batch in data.Data(train: false)) writer.Write(batch);
        writer.Complete();
    }

    [Fact]
    public async Task Worker_ScoresValidationStreams_TrainsTheNextSegmentOnFromItsState_AndExitsAtTheEndOfItsInput()
    {
        byte[] token = RandomNumberGenerator.GetBytes(16);
        await using var server = ControlServer.Start("job", worldSize: 1, attempt: 0, token, Spec([new Top1Accuracy<float>(), new Loss<float>()]));
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, token, []);

        Stream(worker.Input, Training.Data<float>(10), ShareStreamPurpose.Training(1, 1));
        var result = SegmentResult<float>.Decode(Assert.IsType<WorkerResult>(await NextOutcomeAsync(server)).Result.ToArray(), Training.Model<float>());
        Stream(worker.Input, Training.Data<float>(16), ShareStreamPurpose.Validation);
        var first = ValidationScores.Decode(Assert.IsType<WorkerScores>(await NextOutcomeAsync(server)).Scores.ToArray(), methods: 2);
        Stream(worker.Input, Training.Data<float>(5, records: 12), ShareStreamPurpose.Validation);
        var second = ValidationScores.Decode(Assert.IsType<WorkerScores>(await NextOutcomeAsync(server)).Scores.ToArray(), methods: 2);
        Stream(worker.Input, Training.Data<float>(10), ShareStreamPurpose.Training(2, 5));
        var next = SegmentResult<float>.Decode(Assert.IsType<WorkerResult>(await NextOutcomeAsync(server)).Result.ToArray(), Training.Model<float>());
        worker.Input.Close();

        var expected = result.Model!.Evaluate(Training.Data<float>(16), new Top1Accuracy<float>(), new Loss<float>());
        Assert.Equal(expected[0].Result.Result, first.Results![0].Result);
        Assert.Equal(expected[1].Result.Result.Value, first.Results[1].Result.Value, 1e-6);
        Assert.Equal(12, second.Results![0].Result.Count);
        Assert.Equal(4, next.Iterations);
        Assert.Equal(result.Shard.State.Iteration + 4, next.Shard.State.Iteration); // it went on from its state, not from the job spec's
        Assert.NotEqual(Training.Weights(result.Model!), Training.Weights(next.Model!));
        Assert.IsType<WorkerDisconnected>(await NextOutcomeAsync(server));
        Assert.True(worker.WaitForExit(Patience));
        Assert.Equal(WorkerExitCodes.Ok, worker.ExitCode);
    }

    [Fact]
    public async Task Worker_StreamStatingNoPurpose_ReportsADataError()
    {
        byte[] token = RandomNumberGenerator.GetBytes(16);
        await using var server = ControlServer.Start("job", worldSize: 1, attempt: 0, token, Spec());
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, token, []);

        using (var writer = new ShareStreamWriter<float>(worker.Input, [6], [])) writer.Complete();

        var failure = Assert.IsType<WorkerFailure>(await NextOutcomeAsync(server));
        Assert.Equal(WorkerExitCodes.DataError, failure.ExitCode);
        Assert.Contains("bigdl.purpose", failure.Message);
    }

    [Fact]
    public async Task Worker_ValidationStreamWithoutValidationMethods_ReportsAJobError()
    {
        byte[] token = RandomNumberGenerator.GetBytes(16);
        await using var server = ControlServer.Start("job", worldSize: 1, attempt: 0, token, Spec());
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, token, []);

        Stream(worker.Input, Training.Data<float>(10), ShareStreamPurpose.Training(1, 1));
        Assert.IsType<WorkerResult>(await NextOutcomeAsync(server));
        Stream(worker.Input, Training.Data<float>(16), ShareStreamPurpose.Validation);

        var failure = Assert.IsType<WorkerFailure>(await NextOutcomeAsync(server));
        Assert.Equal(WorkerExitCodes.JobError, failure.ExitCode);
        Assert.Contains("no validation methods", failure.Message);
        Assert.True(worker.WaitForExit(Patience));
        Assert.Equal(WorkerExitCodes.JobError, worker.ExitCode);
    }

    private static async Task<WorkerReport> NextReportAsync(ControlServer server)
    {
        using var wait = new CancellationTokenSource(Patience);
        return await server.Reports.ReadAsync(wait.Token);
    }

    [Fact]
    public async Task Worker_DriverGoesAway_ExitsWithPeerLostInsteadOfLingering()
    {
        byte[] token = RandomNumberGenerator.GetBytes(16);
        var server = ControlServer.Start("job", worldSize: 2, attempt: 0, token, Spec());
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, token, []);
        var joined = DateTime.UtcNow + Patience;
        while (server.WorkerProcessIds[0] != worker.Id && DateTime.UtcNow < joined) await Task.Delay(20);
        Assert.Equal(worker.Id, server.WorkerProcessIds[0]);

        await server.DisposeAsync(); // the worker waits in the all-gather for a peer that never comes

        Assert.True(worker.WaitForExit(Patience), "the worker kept running after its driver went away");
        Assert.Equal(WorkerExitCodes.PeerLost, worker.ExitCode);
    }

    [Fact]
    public async Task Worker_UnusableJobSpec_ReportsAJobError()
    {
        byte[] token = RandomNumberGenerator.GetBytes(16);
        await using var server = ControlServer.Start("job", worldSize: 1, attempt: 0, token, "BIGDLNET but not really"u8.ToArray());
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, token, []);

        var failure = Assert.IsType<WorkerFailure>(await NextReportAsync(server));

        Assert.Equal(WorkerExitCodes.JobError, failure.ExitCode);
        Assert.Contains("job spec", failure.Message);
        Assert.True(worker.WaitForExit(Patience));
        Assert.Equal(WorkerExitCodes.JobError, worker.ExitCode);
    }

    [Fact]
    public async Task Worker_WrongToken_IsRefusedAndExitsWithProtocolMismatch()
    {
        await using var server = ControlServer.Start("job", worldSize: 1, attempt: 0, RandomNumberGenerator.GetBytes(16), Spec());
        using var worker = WorkerProcess.Start(WorkerExecutable.Locate(), server.EndPoint, RandomNumberGenerator.GetBytes(16), []);

        Assert.True(worker.WaitForExit(Patience));
        Assert.Equal(WorkerExitCodes.ProtocolMismatch, worker.ExitCode);
        Assert.Contains("refused", worker.StandardErrorTail);
        Assert.Null(server.WorkerProcessIds[0]);
    }
}
