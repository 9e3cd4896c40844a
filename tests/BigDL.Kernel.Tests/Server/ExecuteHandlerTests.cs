using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Server;

public sealed class ExecuteHandlerTests : IDisposable
{
    private readonly RunningKernel kernel = new();

    private KernelClient Client => kernel.Client;

    public void Dispose() => kernel.Dispose();

    [Fact]
    public void Execute_PublishesInputOutputsAndResultInOrder_ThenRepliesOk()
    {
        const string code = "print a\neprint b\ndisplay d1 first\nprint c\nupdate d1 second\nclear\nprint e\nresult 42";
        string id = Execute(code);

        JupyterMessage reply = Client.ShellReply();
        List<JupyterMessage> iopub = Client.IopubUntilIdle(id);

        Assert.Equal(
        [
            "status busy", "execute_input 1", "stream stdout a\n", "stream stderr b\n", "display_data first id=d1",
            "stream stdout c\n", "update_display_data second id=d1", "clear_output wait=false", "stream stdout e\n",
            "execute_result 1 42", "status idle",
        ], MessageText.Of(iopub));
        Assert.Equal(code, (string?)iopub[1].Content["code"]);
        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.Equal(1, (int?)reply.Content["execution_count"]);
        Assert.Equal("{}", reply.Content["user_expressions"]!.ToJsonString());
    }

    [Fact]
    public void DisplayWithoutId_HasAnEmptyTransient()
    {
        string id = Execute("display - plain");
        Client.ShellReply();

        JupyterMessage display = Assert.Single(Client.IopubUntilIdle(id), m => m.MsgType == "display_data");

        Assert.Equal("{}", display.Content["transient"]!.ToJsonString());
        Assert.Equal("{}", display.Content["metadata"]!.ToJsonString());
    }

    [Fact]
    public void Failure_PublishesExactlyOneError_AndRepliesError()
    {
        string id = Execute("print before\nfail boom");

        JupyterMessage reply = Client.ShellReply();
        List<JupyterMessage> iopub = Client.IopubUntilIdle(id);

        Assert.Equal(["status busy", "execute_input 1", "stream stdout before\n", "error TestError boom", "status idle"], MessageText.Of(iopub));
        Assert.Equal("error", (string?)reply.Content["status"]);
        Assert.Equal("TestError", (string?)reply.Content["ename"]);
        Assert.Equal("boom", (string?)reply.Content["evalue"]);
        Assert.Equal("""["first line","second line"]""", reply.Content["traceback"]!.ToJsonString());
        Assert.Equal(1, (int?)reply.Content["execution_count"]);
    }

    [Fact]
    public void SessionException_BecomesAnErrorReply_AndTheKernelGoesOn()
    {
        string id = Execute("throw session broke");

        JupyterMessage reply = Client.ShellReply();

        Assert.Equal("InvalidOperationException", (string?)reply.Content["ename"]);
        Assert.Equal("session broke", (string?)reply.Content["evalue"]);
        Assert.Contains("error InvalidOperationException session broke", MessageText.Of(Client.IopubUntilIdle(id)));
        Execute("print fine");
        Assert.Equal("ok", (string?)Client.ShellReply().Content["status"]);
    }

    [Fact]
    public void ExecutionCount_CountsLikeIPython_SkippingSilentAndUnstoredCells()
    {
        Execute("print one");
        Assert.Equal(1, (int?)Client.ShellReply().Content["execution_count"]);

        string silent = Execute("print hidden\nresult hidden", silent: true);
        Assert.Equal(1, (int?)Client.ShellReply().Content["execution_count"]);
        Assert.Equal(["status busy", "status idle"], MessageText.Of(Client.IopubUntilIdle(silent)));

        string unstored = Execute("print shown", storeHistory: false);
        Assert.Equal(1, (int?)Client.ShellReply().Content["execution_count"]);
        Assert.Contains("execute_input 1", MessageText.Of(Client.IopubUntilIdle(unstored)));

        Execute("print two");
        Assert.Equal(2, (int?)Client.ShellReply().Content["execution_count"]);
    }

    [Fact]
    public void Interrupt_CancelsTheRunningCell_AndTheNextCellRuns()
    {
        string waiting = Execute("wait");
        Assert.Equal("stream stdout waiting\n", MessageText.Of(NextFrom(waiting, "stream")));

        Client.Control("interrupt_request", new JsonObject());

        Assert.Equal("ok", (string?)Client.ControlReply().Content["status"]);
        JupyterMessage interrupted = Client.ShellReply();
        Assert.Equal(waiting, interrupted.ParentHeader?.MsgId);
        Assert.Equal("OperationCanceledException", (string?)interrupted.Content["ename"]);
        string next = Execute("print after");
        JupyterMessage reply = Client.ShellReply();
        Assert.Equal(next, reply.ParentHeader?.MsgId);
        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.Contains("stream stdout after\n", MessageText.Of(Client.IopubUntilIdle(next)));
    }

    [Fact]
    public void StopOnError_AbortsTheQueuedExecuteRequests_ThenExecutionResumes()
    {
        string failing = Execute("block\nfail first");
        Assert.True(kernel.Session.Blocked.Wait(KernelClient.Timeout));
        string second = Execute("print second");
        string third = Execute("print third");
        Eventually.Holds(() => kernel.Server.PendingShellRequests == 2, "two requests queued behind the blocked cell");

        kernel.Session.Release();

        Assert.Equal((failing, "error"), Reply());
        Assert.Equal((second, "aborted"), Reply());
        Assert.Equal((third, "aborted"), Reply());
        Assert.DoesNotContain(Client.IopubUntilIdle(third), m => m.MsgType == "execute_input");
        string resumed = Execute("print resumed");
        Assert.Equal((resumed, "ok"), Reply());
    }

    [Fact]
    public void StopOnErrorFalse_LetsTheQueuedRequestsRun()
    {
        string failing = Execute("block\nfail first", stopOnError: false);
        Assert.True(kernel.Session.Blocked.Wait(KernelClient.Timeout));
        string second = Execute("print second");
        Eventually.Holds(() => kernel.Server.PendingShellRequests == 1, "one request queued behind the blocked cell");

        kernel.Session.Release();

        Assert.Equal((failing, "error"), Reply());
        Assert.Equal((second, "ok"), Reply());
    }

    [Fact]
    public void UserExpressions_AreAnsweredEmpty()
    {
        Client.Shell("execute_request", new JsonObject
        {
            ["code"] = "print x",
            ["user_expressions"] = new JsonObject { ["y"] = "1 + 1" },
        });

        Assert.Equal("{}", Client.ShellReply().Content["user_expressions"]!.ToJsonString());
    }

    private string Execute(string code, bool silent = false, bool storeHistory = true, bool stopOnError = true) =>
        Client.Shell("execute_request", new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = storeHistory,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false,
            ["stop_on_error"] = stopOnError,
        });

    private (string?, string?) Reply()
    {
        JupyterMessage reply = Client.ShellReply();
        return (reply.ParentHeader?.MsgId, (string?)reply.Content["status"]);
    }

    private JupyterMessage NextFrom(string parentId, string msgType)
    {
        while (true)
        {
            JupyterMessage message = Client.NextIopub();
            if (message.ParentHeader?.MsgId == parentId && message.MsgType == msgType)
                return message;
        }
    }
}
