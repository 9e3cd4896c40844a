using System.Text.Json.Nodes;

namespace BigDL.Kernel.Tests.Server;

public sealed class HistoryHandlerTests : IDisposable
{
    private readonly RunningKernel kernel = new();

    public HistoryHandlerTests()
    {
        foreach (string code in new[] { "print 1", "print 2", "result 3", "print 1" })
        {
            kernel.Client.Shell("execute_request", new JsonObject { ["code"] = code });
            kernel.Client.ShellReply();
        }
        kernel.Client.Shell("execute_request", new JsonObject { ["code"] = "print unstored", ["store_history"] = false });
        kernel.Client.ShellReply();
    }

    public void Dispose() => kernel.Dispose();

    [Fact]
    public void Tail_ReturnsTheLatestStoredInputs_AsSessionLineInputTriples()
    {
        Assert.Equal("""[[1,3,"result 3"],[1,4,"print 1"]]""", History(new JsonObject { ["hist_access_type"] = "tail", ["n"] = 2 }));
    }

    [Fact]
    public void Range_ReturnsLinesFromStartBeforeStop()
    {
        Assert.Equal("""[[1,2,"print 2"],[1,3,"result 3"]]""",
            History(new JsonObject { ["hist_access_type"] = "range", ["session"] = 0, ["start"] = 2, ["stop"] = 4 }));
    }

    [Fact]
    public void Search_MatchesAGlob_AndUniqueKeepsEachInputAtItsLatestLine()
    {
        Assert.Equal("""[[1,1,"print 1"],[1,2,"print 2"],[1,4,"print 1"]]""",
            History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "print ?" }));
        Assert.Equal("""[[1,2,"print 2"],[1,4,"print 1"]]""",
            History(new JsonObject { ["hist_access_type"] = "search", ["pattern"] = "print*", ["unique"] = true }));
    }

    [Fact]
    public void OutputTrue_PairsEachInputWithThePlainTextOfItsValue()
    {
        Assert.Equal("""[[1,3,["result 3","3"]],[1,4,["print 1",null]]]""",
            History(new JsonObject { ["hist_access_type"] = "tail", ["n"] = 2 }, output: true));
    }

    [Fact]
    public void UnknownAccessType_GetsAnErrorReplyNamingIt()
    {
        kernel.Client.Shell("history_request", new JsonObject { ["hist_access_type"] = "everything", ["output"] = false, ["raw"] = true });

        JsonObject content = kernel.Client.ShellReply().Content;

        Assert.Equal("error", (string?)content["status"]);
        Assert.Contains("hist_access_type", (string?)content["evalue"]);
        Assert.Contains("everything", (string?)content["evalue"]);
    }

    private string History(JsonObject request, bool output = false)
    {
        request["output"] = output;
        request["raw"] = true;
        kernel.Client.Shell("history_request", request);
        JsonObject content = kernel.Client.ShellReply().Content;
        Assert.Equal("ok", (string?)content["status"]);
        return content["history"]!.ToJsonString();
    }
}
