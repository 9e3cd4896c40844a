using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Server;

namespace BigDL.Kernel.Tests.Server;

/// <summary>The server driven by Debian's real jupyter_client, every message checked by jupyter_kernel_test's schemas.</summary>
public sealed class JupyterClientTests
{
    [Fact]
    public void BlockingKernelClient_KernelInfoExecuteAndIsComplete_AllValidate()
    {
        string connectionFile = Path.Combine(Path.GetTempPath(), $"kernel-{Guid.NewGuid():N}.json");
        var connection = new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, Guid.NewGuid().ToString(), ConnectionInfo.HmacSha256);
        using var server = new KernelServer(connection, new ScriptedSession(), TextWriter.Null);
        try
        {
            File.WriteAllText(connectionFile, server.Connection.ToJson());
            server.Start();

            JsonNode summary = JsonNode.Parse(DebianPython.Run(
                [Path.Combine(AppContext.BaseDirectory, "Server", "jupyter_client_check.py"), connectionFile]))!;

            Assert.Equal("5.3", (string?)summary["protocol_version"]);
            Assert.Equal("C#", (string?)summary["language_info"]!["name"]);
            Assert.Equal("ok", (string?)summary["ok"]!["status"]);
            Assert.Equal(1, (int?)summary["ok"]!["execution_count"]);
            Assert.Equal("error", (string?)summary["failed"]!["status"]);
            Assert.Equal("TestError", (string?)summary["failed"]!["ename"]);
            Assert.Equal(
            [
                "status", "execute_input", "stream", "display_data", "update_display_data", "execute_result", "status",
                "status", "execute_input", "error", "status",
            ], summary["outputs"]!.AsArray().Select(o => (string)o![0]!).ToList());
            Assert.Equal("hello, world\n", (string?)summary["outputs"]![2]![1]!["text"]);
            Assert.Equal("""{"status":"incomplete","indent":"    "}""", summary["incomplete"]!.ToJsonString());
            Assert.Equal("""{"status":"complete"}""", summary["complete"]!.ToJsonString());
        }
        finally
        {
            File.Delete(connectionFile);
        }
    }
}
