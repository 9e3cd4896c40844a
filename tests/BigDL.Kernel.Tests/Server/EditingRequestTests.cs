using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Server;

/// <summary>complete, inspect and is_complete through the server.</summary>
public sealed class EditingRequestTests : IDisposable
{
    private readonly RunningKernel kernel = new();

    private KernelClient Client => kernel.Client;

    public void Dispose() => kernel.Dispose();

    [Fact]
    public void Complete_PassesTheCodePointCursorThrough_AndRepliesTheSessionsRange()
    {
        // "😀" is one code point but two UTF-16 chars: cursor 3 is after "😀ab".
        JsonObject content = Reply("complete_request", new JsonObject { ["code"] = "😀ab", ["cursor_pos"] = 3 });

        Assert.Equal(3, kernel.Session.LastCursor);
        Assert.Equal("""["Console","Convert"]""", content["matches"]!.ToJsonString());
        Assert.Equal(2, (int?)content["cursor_start"]);
        Assert.Equal(3, (int?)content["cursor_end"]);
        Assert.Equal("{}", content["metadata"]!.ToJsonString());
    }

    [Fact]
    public void Complete_WithoutCursor_CompletesAtTheEnd()
    {
        Reply("complete_request", new JsonObject { ["code"] = "😀😀x" });

        Assert.Equal(3, kernel.Session.LastCursor);
    }

    [Fact]
    public void Complete_CursorPastTheEnd_GetsAnErrorReplyNamingCursorPos()
    {
        JsonObject content = Reply("complete_request", new JsonObject { ["code"] = "😀ab", ["cursor_pos"] = 4 });

        Assert.Equal("error", (string?)content["status"]);
        Assert.Equal("ArgumentOutOfRangeException", (string?)content["ename"]);
        Assert.Contains("cursor_pos", (string?)content["evalue"]);
        Assert.Contains("[0, 3]", (string?)content["evalue"]);
    }

    [Fact]
    public void Inspect_Found_RepliesTheSessionsBundle()
    {
        JsonObject content = Reply("inspect_request", new JsonObject { ["code"] = "known", ["cursor_pos"] = 2, ["detail_level"] = 1 });

        Assert.True((bool?)content["found"]);
        Assert.Equal("docs level 1", (string?)content["data"]!["text/plain"]);
        Assert.Equal(2, kernel.Session.LastCursor);
    }

    [Fact]
    public void Inspect_NotFound_RepliesEmptyData()
    {
        JsonObject content = Reply("inspect_request", new JsonObject { ["code"] = "nothing", ["cursor_pos"] = 0 });

        Assert.False((bool?)content["found"]);
        Assert.Equal("{}", content["data"]!.ToJsonString());
        Assert.Equal("ok", (string?)content["status"]);
    }

    [Theory]
    [InlineData("var x = 1;", "complete", null)]
    [InlineData("if (x)\n{", "incomplete", "    ")]
    [InlineData("class C\n{\n    void M(", "incomplete", "        ")]
    [InlineData("x }}", "invalid", null)]
    [InlineData("what?", "unknown", null)]
    public void IsComplete_RepliesTheSessionsVerdict_WithAnIndentWhenIncomplete(string code, string status, string? indent)
    {
        JsonObject content = Reply("is_complete_request", new JsonObject { ["code"] = code });

        Assert.Equal(status, (string?)content["status"]);
        Assert.Equal(indent, (string?)content["indent"]);
    }

    private JsonObject Reply(string msgType, JsonObject content)
    {
        string id = Client.Shell(msgType, content);
        JupyterMessage reply = Client.ShellReply();
        Assert.Equal(id, reply.ParentHeader?.MsgId);
        return reply.Content;
    }
}
