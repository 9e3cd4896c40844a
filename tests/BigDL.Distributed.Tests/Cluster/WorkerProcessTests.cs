using System.Security.Cryptography;
using BigDL.Distributed.Cluster;
using BigDL.Distributed.Control;
using BigDL.Distributed.Jobs;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>The real worker process on its own: it stops when its driver goes away, and says why it cannot start.</summary>
public sealed class WorkerProcessTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static byte[] Spec() => new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1),
        new SegmentSettings(1, WireCompression.None, GradientClipping.None, 1, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10))).Encode();

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
