using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using BigDL.Distributed.Control;

namespace BigDL.Distributed.Tests.Control;

public class ControlPlaneTests
{
    private static readonly byte[] Token = [0xde, 0xad, 0xbe, 0xef, 0x01];
    private static readonly byte[] Spec = Encoding.UTF8.GetBytes("{\"model\":\"lenet\"}");
    private static readonly TimeSpan Deadline = ControlWire.Deadline;

    private static async Task<ControlClient[]> ConnectAll(ControlServer server, int count)
    {
        var clients = new ControlClient[count];
        for (int i = 0; i < count; i++) clients[i] = await ControlClient.ConnectAsync(server.EndPoint, Token).WaitAsync(Deadline);
        return clients;
    }

    private static async Task DisposeAll(IEnumerable<ControlClient> clients)
    {
        foreach (var client in clients) await client.DisposeAsync();
    }

    private static Task WhenCancelled(CancellationToken token)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => fired.TrySetResult());
        return fired.Task.WaitAsync(Deadline);
    }

    private static async Task<List<WorkerReport>> ReadUntil(ControlServer server, Func<List<WorkerReport>, bool> done)
    {
        var reports = new List<WorkerReport>();
        using var deadline = new CancellationTokenSource(Deadline);
        while (!done(reports)) reports.Add(await server.Reports.ReadAsync(deadline.Token));
        return reports;
    }

    private static async Task<List<WorkerReport>> ReadToEnd(ControlServer server)
    {
        var reports = new List<WorkerReport>();
        using var deadline = new CancellationTokenSource(Deadline);
        await foreach (var report in server.Reports.ReadAllAsync(deadline.Token)) reports.Add(report);
        return reports;
    }

    [Fact]
    public async Task ThreeWorkers_GetRanksInConnectionOrder_TheSpec_AndTheirProcessIds()
    {
        await using var server = ControlServer.Start("job-7", 3, 2, Token, Spec);
        var clients = await ConnectAll(server, 3);

        Assert.Equal(IPAddress.Loopback, server.EndPoint.Address);
        for (int r = 0; r < 3; r++)
        {
            Assert.Equal(new TaskInfo("job-7", r, 3, 2), clients[r].Task);
            Assert.Equal(Spec, clients[r].JobSpec.ToArray());
        }
        Assert.Equal([Environment.ProcessId, Environment.ProcessId, Environment.ProcessId], server.WorkerProcessIds);
        await DisposeAll(clients);
    }

    [Fact]
    public async Task AllGather_AnswersEveryoneInRankOrder_WhateverOrderTheyEnter()
    {
        await using var server = ControlServer.Start("job", 3, 0, Token, Spec);
        var clients = await ConnectAll(server, 3);

        var late = clients[0].AllGatherAsync(new byte[] { 0 });
        var gathers = new[] { clients[2].AllGatherAsync(new byte[] { 2, 2, 2 }), clients[1].AllGatherAsync(Array.Empty<byte>()), late };
        var results = await Task.WhenAll(gathers).WaitAsync(Deadline);

        foreach (var result in results)
        {
            Assert.Equal(3, result.Count);
            Assert.Equal(new byte[] { 0 }, result[0]);
            Assert.Empty(result[1]);
            Assert.Equal(new byte[] { 2, 2, 2 }, result[2]);
        }
        var second = await Task.WhenAll(clients.Select((c, r) => c.AllGatherAsync(new byte[] { (byte)(10 + r) }))).WaitAsync(Deadline);
        Assert.All(second, result => Assert.Equal(new byte[][] { [10], [11], [12] }, result));
        await DisposeAll(clients);
    }

    [Fact]
    public async Task Barrier_ReleasesOnlyWhenTheLastWorkerEnters()
    {
        await using var server = ControlServer.Start("job", 3, 0, Token, Spec);
        var clients = await ConnectAll(server, 3);

        var first = clients[0].BarrierAsync();
        var second = clients[1].BarrierAsync();
        await clients[0].SendLogAsync("debug", "in barrier");
        await clients[1].SendLogAsync("debug", "in barrier");
        await ReadUntil(server, reports => reports.Count == 2);
        Assert.False(first.IsCompleted || second.IsCompleted);

        await Task.WhenAll(first, second, clients[2].BarrierAsync()).WaitAsync(Deadline);
        await DisposeAll(clients);
    }

    [Fact]
    public async Task ProgressLogResultAndScores_ArriveAsReports_AndReportsCompleteWhenAllLeave()
    {
        await using var server = ControlServer.Start("job", 2, 0, Token, Spec);
        var clients = await ConnectAll(server, 2);

        await clients[1].SendProgressAsync(new JsonObject { ["iteration"] = 5, ["loss"] = 0.25 });
        await clients[1].SendLogAsync("warning", "slow disk");
        await clients[1].SendResultAsync(new byte[] { 9, 8, 7 });
        await clients[1].SendScoresAsync(new byte[] { 6, 5 });
        await clients[0].SendFailureAsync(WorkerExitCodes.DataError, "bad row 3");
        await DisposeAll(clients);
        var reports = await ReadToEnd(server);

        var one = reports.Where(r => r.Rank == 1).ToList();
        Assert.Equal(5, one.Count);
        var progress = Assert.IsType<WorkerProgress>(one[0]);
        Assert.Equal(5, progress.Progress["iteration"]!.GetValue<int>());
        Assert.Equal(0.25, progress.Progress["loss"]!.GetValue<double>());
        Assert.Equal(new WorkerLog(1, "warning", "slow disk"), one[1]);
        Assert.Equal(new byte[] { 9, 8, 7 }, Assert.IsType<WorkerResult>(one[2]).Result.ToArray());
        Assert.Equal(new byte[] { 6, 5 }, Assert.IsType<WorkerScores>(one[3]).Scores.ToArray());
        Assert.Equal(new WorkerDisconnected(1), one[4]); // the driver decides whether leaving then was expected
        var zero = reports.Where(r => r.Rank == 0).ToList();
        Assert.Equal(new WorkerReport[] { new WorkerFailure(0, WorkerExitCodes.DataError, "bad row 3"), new WorkerDisconnected(0) }, zero);
    }

    [Fact]
    public async Task WrongToken_IsRefused_WithoutTakingARank()
    {
        await using var server = ControlServer.Start("job", 1, 0, Token, Spec);

        var refused = await Assert.ThrowsAsync<ControlException>(() => ControlClient.ConnectAsync(server.EndPoint, new byte[] { 1, 2, 3 }).WaitAsync(Deadline));
        await using var accepted = await ControlClient.ConnectAsync(server.EndPoint, Token).WaitAsync(Deadline);

        Assert.Equal(WorkerExitCodes.ProtocolMismatch, refused.ExitCode);
        Assert.Contains("token does not match", refused.Message);
        Assert.Equal(0, accepted.Task.Rank);
    }

    [Fact]
    public async Task WrongVersion_WrittenAsRawBytes_GetsAnErrorAndTheConnectionCloses()
    {
        await using var server = ControlServer.Start("job", 1, 0, Token, Spec);
        using var wire = await ControlWire.ConnectAsync(server.EndPoint);

        await wire.SendAsync(1, ControlWire.Hello("deadbeef01", version: 99));
        var (kind, body) = (await wire.ReceiveAsync())!.Value;

        Assert.Equal(13, kind);
        var error = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(WorkerExitCodes.ProtocolMismatch, error["exitCode"]!.GetValue<int>());
        Assert.Equal("expected protocol version 2, got 99", error["message"]!.GetValue<string>());
        Assert.Null(await wire.ReceiveAsync());
        Assert.Equal([null], server.WorkerProcessIds);
    }

    [Fact]
    public async Task OversizedLengthField_IsRefusedAsAProtocolMismatch()
    {
        await using var server = ControlServer.Start("job", 1, 0, Token, Spec);
        using var wire = await ControlWire.ConnectAsync(server.EndPoint);

        await wire.SendRawAsync([0xff, 0xff, 0xff, 0xff, 1]);
        var (kind, body) = (await wire.ReceiveAsync())!.Value;

        Assert.Equal(13, kind);
        Assert.Contains("length must be in [1, 1073741824], got 4294967295", Encoding.UTF8.GetString(body));
        Assert.Null(await wire.ReceiveAsync());
    }

    [Fact]
    public async Task RawHello_GetsTaskInfoThenJobSpec_AndASecondHelloIsRefused()
    {
        await using var server = ControlServer.Start("job-3", 2, 1, Token, Spec);
        using var wire = await ControlWire.ConnectAsync(server.EndPoint);

        await wire.SendAsync(1, ControlWire.Hello("DEADBEEF01"));
        var taskInfo = (await wire.ReceiveAsync())!.Value;
        var jobSpec = (await wire.ReceiveAsync())!.Value;
        await wire.SendAsync(1, ControlWire.Hello("deadbeef01"));
        var refusal = (await wire.ReceiveAsync())!.Value;

        Assert.Equal(2, taskInfo.Kind);
        Assert.Equal("""{"jobId":"job-3","rank":0,"worldSize":2,"attempt":1}""", Encoding.UTF8.GetString(taskInfo.Body));
        Assert.Equal(3, jobSpec.Kind);
        Assert.Equal(Spec, jobSpec.Body);
        Assert.Equal(13, refusal.Kind);
        Assert.Contains("second Hello", Encoding.UTF8.GetString(refusal.Body));
        Assert.Null(await wire.ReceiveAsync());
        Assert.Equal([4242, null], server.WorkerProcessIds);
        Assert.Equal(new WorkerDisconnected(0), (await ReadUntil(server, r => r.Count == 1))[0]);
    }

    [Fact]
    public async Task WorkerBeyondTheWorldSize_IsRefusedAsAJobError()
    {
        await using var server = ControlServer.Start("job", 2, 0, Token, Spec);
        var clients = await ConnectAll(server, 2);

        var extra = await Assert.ThrowsAsync<ControlException>(() => ControlClient.ConnectAsync(server.EndPoint, Token).WaitAsync(Deadline));

        Assert.Equal(WorkerExitCodes.JobError, extra.ExitCode);
        Assert.Contains("already has its 2 workers", extra.Message);
        await DisposeAll(clients);
    }

    [Fact]
    public async Task WorkerLeavingBeforeItsResult_IsReported_AndTheOthersPendingAllGatherFails()
    {
        await using var server = ControlServer.Start("job", 3, 0, Token, Spec);
        var clients = await ConnectAll(server, 3);

        var pending = new[] { clients[0].AllGatherAsync(new byte[] { 1 }), clients[2].AllGatherAsync(new byte[] { 3 }) };
        await clients[1].DisposeAsync();
        var reports = await ReadUntil(server, r => r.Count == 1);

        Assert.Equal(new WorkerDisconnected(1), reports[0]);
        foreach (var gather in pending)
        {
            var failure = await Assert.ThrowsAsync<ControlException>(() => gather.WaitAsync(Deadline));
            Assert.Equal(WorkerExitCodes.PeerLost, failure.ExitCode);
            Assert.Contains("rank 1 left job", failure.Message);
        }
        var later = await Assert.ThrowsAsync<ControlException>(() => clients[0].BarrierAsync().WaitAsync(Deadline));
        Assert.Contains("rank 1 left job", later.Message);
        await DisposeAll([clients[0], clients[2]]);
    }

    [Fact]
    public async Task DifferentCollectivesAtOnce_FailBothAsAProtocolMismatch()
    {
        await using var server = ControlServer.Start("job", 2, 0, Token, Spec);
        var clients = await ConnectAll(server, 2);

        var gather = clients[0].AllGatherAsync(new byte[] { 1 });
        await clients[0].SendLogAsync("debug", "entered");
        await ReadUntil(server, r => r.Count == 1);
        var barrier = clients[1].BarrierAsync();

        foreach (var collective in new Task[] { gather, barrier })
            Assert.Equal(WorkerExitCodes.ProtocolMismatch, (await Assert.ThrowsAsync<ControlException>(() => collective.WaitAsync(Deadline))).ExitCode);
        await DisposeAll(clients);
    }

    [Fact]
    public async Task ServerAbort_CancelsAborted_FailsThePendingBarrier_AndRefusesLaterWorkers()
    {
        await using var server = ControlServer.Start("job", 3, 0, Token, Spec);
        var clients = await ConnectAll(server, 2);
        var barrier = clients[0].BarrierAsync();

        await server.AbortAsync("rank 2's host went away");
        await Task.WhenAll(WhenCancelled(clients[0].Aborted), WhenCancelled(clients[1].Aborted));
        var failed = await Assert.ThrowsAsync<ControlException>(() => barrier.WaitAsync(Deadline));
        var late = await Assert.ThrowsAsync<ControlException>(() => ControlClient.ConnectAsync(server.EndPoint, Token).WaitAsync(Deadline));

        Assert.Equal(WorkerExitCodes.PeerLost, failed.ExitCode);
        Assert.Contains("rank 2's host went away", failed.Message);
        Assert.Equal(WorkerExitCodes.PeerLost, late.ExitCode);
        Assert.Contains("aborted", late.Message);
        await DisposeAll(clients);
    }

    [Fact]
    public async Task ServerDispose_CancelsAborted_AndFailsLaterCollectives()
    {
        var server = ControlServer.Start("job", 2, 0, Token, Spec);
        await using var client = await ControlClient.ConnectAsync(server.EndPoint, Token).WaitAsync(Deadline);
        Assert.False(client.Aborted.IsCancellationRequested);

        await server.DisposeAsync();
        await WhenCancelled(client.Aborted);

        var failed = await Assert.ThrowsAsync<ControlException>(() => client.AllGatherAsync(new byte[] { 1 }).WaitAsync(Deadline));
        Assert.Equal(WorkerExitCodes.PeerLost, failed.ExitCode);
        Assert.Contains("closed the control connection", failed.Message);
        var reports = await ReadToEnd(server);
        Assert.Equal([new WorkerDisconnected(0)], reports);
    }

    [Fact]
    public async Task ASecondCollectiveWhileOneIsPending_IsRefusedLocally()
    {
        await using var server = ControlServer.Start("job", 2, 0, Token, Spec);
        var clients = await ConnectAll(server, 2);

        var barrier = clients[0].BarrierAsync();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => clients[0].AllGatherAsync(new byte[] { 1 }));

        Assert.Contains("one collective may be pending at a time", error.Message);
        await clients[1].BarrierAsync().WaitAsync(Deadline);
        await barrier.WaitAsync(Deadline);
        await DisposeAll(clients);
    }
}
