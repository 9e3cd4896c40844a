using System.Text;
using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Server.Handlers;

namespace BigDL.Kernel.Tests.Server;

public sealed class KernelServerTests : IDisposable
{
    private readonly RunningKernel kernel = new();

    private KernelClient Client => kernel.Client;

    public void Dispose() => kernel.Dispose();

    [Theory]
    [InlineData("kernel_info_request", "{}", "ok")]
    [InlineData("comm_info_request", "{}", "ok")]
    [InlineData("is_complete_request", """{"code": "x"}""", "complete")]
    [InlineData("complete_request", """{"code": "Con", "cursor_pos": 3}""", "ok")]
    [InlineData("inspect_request", """{"code": "known", "cursor_pos": 1, "detail_level": 0}""", "ok")]
    [InlineData("history_request", """{"output": false, "raw": true, "hist_access_type": "tail", "n": 3}""", "ok")]
    [InlineData("execute_request", """{"code": "print x"}""", "ok")]
    public void ShellRequest_IsWrappedInBusyAndIdle_WithTheRequestAsParent(string msgType, string content, string status)
    {
        string id = Client.Shell(msgType, JsonNode.Parse(content)!);
        JupyterMessage reply = Client.ShellReply();
        List<JupyterMessage> iopub = Client.IopubUntilIdle(id);

        Assert.Equal(msgType.Replace("_request", "_reply"), reply.MsgType);
        Assert.Equal(id, reply.ParentHeader?.MsgId);
        Assert.Equal(status, (string?)reply.Content["status"]);
        Assert.Equal("status busy", MessageText.Of(iopub[0]));
        Assert.Equal("status idle", MessageText.Of(iopub[^1]));
        Assert.All(iopub, m => Assert.Equal(msgType, m.ParentHeader?.MsgType));
    }

    [Fact]
    public void KernelInfo_OnControl_IsWrappedInBusyAndIdle()
    {
        string id = Client.Control("kernel_info_request", new JsonObject());
        JupyterMessage reply = Client.ControlReply();

        Assert.Equal(id, reply.ParentHeader?.MsgId);
        Assert.Equal(["status busy", "status idle"], MessageText.Of(Client.IopubUntilIdle(id)));
    }

    [Fact]
    public void KernelInfo_Reply_HasProtocol53AndDotNetInteractivesCSharpLanguageInfo()
    {
        Client.Shell("kernel_info_request", new JsonObject());
        JupyterMessage reply = Client.ShellReply();
        JsonObject content = reply.Content;
        JsonNode language = content["language_info"]!;

        Assert.Equal("5.3", reply.Header.Version);
        Assert.Equal("5.3", (string?)content["protocol_version"]);
        Assert.Equal(KernelInfoHandler.Implementation, (string?)content["implementation"]);
        Assert.False(string.IsNullOrEmpty((string?)content["implementation_version"]));
        Assert.Contains("C#", (string?)content["banner"]);
        Assert.Equal(
            """{"name":"C#","version":"13.0","mimetype":"text/x-csharp","file_extension":".cs","pygments_lexer":"csharp"}""",
            language.ToJsonString());
        Assert.NotEmpty(content["help_links"]!.AsArray());
    }

    [Fact]
    public void Heartbeat_EchoesWhatItReceives()
    {
        byte[] payload = Encoding.UTF8.GetBytes("ping " + Guid.NewGuid());

        Assert.Equal(payload, Client.Ping(payload));
    }

    [Fact]
    public void Heartbeat_AnswersWhileACellRuns()
    {
        string id = Client.Shell("execute_request", new JsonObject { ["code"] = "block" });
        Assert.True(kernel.Session.Blocked.Wait(KernelClient.Timeout));

        Assert.Equal("alive"u8.ToArray(), Client.Ping("alive"u8.ToArray()));

        kernel.Session.Release();
        Assert.Equal(id, Client.ShellReply().ParentHeader?.MsgId);
    }

    [Fact]
    public void TamperedMessage_IsDroppedAndLogged_AndTheKernelGoesOn()
    {
        List<byte[]> frames = Client.Encode("execute_request", new JsonObject { ["code"] = "print tampered" });
        frames[^1] = Encoding.UTF8.GetBytes("""{"code": "print changed"}""");
        Client.ShellFrames(frames);
        string id = Client.Shell("kernel_info_request", new JsonObject());

        JupyterMessage reply = Client.ShellReply();

        Assert.Equal(id, reply.ParentHeader?.MsgId);
        Assert.Contains("signature does not match", kernel.Log);
    }

    [Fact]
    public void MessageSignedWithAnotherKey_IsDropped()
    {
        using var stranger = new KernelClient(kernel.Server.Connection, key: "another key");
        stranger.Shell("kernel_info_request", new JsonObject());

        // The stranger's connection is not ordered with ours: wait for the drop, then check the kernel still serves.
        Eventually.Holds(() => kernel.Log.Contains("dropped a message on Shell"), "the stranger's message is logged as dropped");
        string id = Client.Shell("comm_info_request", new JsonObject());
        Assert.Equal(id, Client.ShellReply().ParentHeader?.MsgId);
    }

    [Fact]
    public void UnknownMessageType_IsLoggedBetweenBusyAndIdle_AndTheKernelGoesOn()
    {
        string unknown = Client.Shell("bogus_request", new JsonObject());
        Assert.Equal(["status busy", "status idle"], MessageText.Of(Client.IopubUntilIdle(unknown)));

        string id = Client.Shell("kernel_info_request", new JsonObject());

        Assert.Equal(id, Client.ShellReply().ParentHeader?.MsgId);
        Assert.Contains("bogus_request", kernel.Log);
    }

    [Fact]
    public void MalformedRequestContent_GetsAnErrorReply()
    {
        string id = Client.Shell("execute_request", new JsonObject { ["silent"] = true });

        JupyterMessage reply = Client.ShellReply();

        Assert.Equal(id, reply.ParentHeader?.MsgId);
        Assert.Equal("execute_reply", reply.MsgType);
        Assert.Equal("error", (string?)reply.Content["status"]);
        Assert.Equal("JsonException", (string?)reply.Content["ename"]);
        Assert.Contains("code", (string?)reply.Content["evalue"]);
    }

    [Fact]
    public void CommInfo_ListsNoComms()
    {
        Client.Shell("comm_info_request", new JsonObject { ["target_name"] = "jupyter.widget" });

        Assert.Equal("{}", Client.ShellReply().Content["comms"]!.ToJsonString());
    }

    [Fact]
    public void CommOpen_ForAnUnknownTarget_IsAnsweredWithCommClose()
    {
        string id = Client.Shell("comm_open", new JsonObject { ["comm_id"] = "c-1", ["target_name"] = "nobody", ["data"] = new JsonObject() });

        List<JupyterMessage> iopub = Client.IopubUntilIdle(id);

        JupyterMessage close = Assert.Single(iopub, m => m.MsgType == "comm_close");
        Assert.Equal("c-1", (string?)close.Content["comm_id"]);
        Assert.Equal(["status busy", "comm_close", "status idle"], MessageText.Of(iopub));
    }

    [Fact]
    public void Shutdown_OnControl_RepliesEchoingRestart_AndEndsTheServer()
    {
        string id = Client.Control("shutdown_request", new JsonObject { ["restart"] = true });

        JupyterMessage reply = Client.ControlReply();

        Assert.Equal(id, reply.ParentHeader?.MsgId);
        Assert.Equal("shutdown_reply", reply.MsgType);
        Assert.True((bool?)reply.Content["restart"]);
        Assert.Equal(["status busy", "status idle"], MessageText.Of(Client.IopubUntilIdle(id)));
        Assert.True(kernel.Server.WaitForShutdown(KernelClient.Timeout));
    }

    [Fact]
    public void Shutdown_WhileACellRuns_IsServedAndTheServerStops()
    {
        Client.Shell("execute_request", new JsonObject { ["code"] = "block" });
        Assert.True(kernel.Session.Blocked.Wait(KernelClient.Timeout));

        Client.Control("shutdown_request", new JsonObject { ["restart"] = false });

        Assert.False((bool?)Client.ControlReply().Content["restart"]);
        Assert.True(kernel.Server.WaitForShutdown(KernelClient.Timeout));
        kernel.Server.Dispose();
        Assert.Equal("error", (string?)Client.ShellReply().Content["status"]);
    }
}
