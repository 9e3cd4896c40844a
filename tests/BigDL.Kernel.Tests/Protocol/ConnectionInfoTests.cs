using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Protocol;

public sealed class ConnectionInfoTests
{
    [Fact]
    public void Load_ReadsAFileWrittenByJupyterClient()
    {
        string path = Path.Combine(Path.GetTempPath(), $"kernel-{Guid.NewGuid():N}.json");
        try
        {
            DebianPython.Run(["-c",
                "import sys\nfrom jupyter_client.connect import write_connection_file\n" +
                "write_connection_file(sys.argv[1], ip='127.0.0.1', key=b'k-123', kernel_name='bigdl-csharp')", path]);
            JsonNode written = JsonNode.Parse(File.ReadAllText(path))!;

            ConnectionInfo info = ConnectionInfo.Load(path);

            Assert.Equal(new ConnectionInfo("tcp", "127.0.0.1", (int)written["shell_port"]!, (int)written["control_port"]!,
                (int)written["stdin_port"]!, (int)written["iopub_port"]!, (int)written["hb_port"]!, "k-123", "hmac-sha256"), info);
            Assert.Equal($"tcp://127.0.0.1:{info.ShellPort}", info.Endpoint(info.ShellPort));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ToJson_ParsesBackToTheSameConnection()
    {
        var info = new ConnectionInfo("tcp", "0.0.0.0", 1, 2, 3, 4, 5, "", "hmac-sha256");

        Assert.Equal(info, ConnectionInfo.Parse(info.ToJson()));
        Assert.Contains("\"hb_port\":5", info.ToJson());
    }

    [Theory]
    [InlineData("transport", "\"ipc\"", "ipc")]
    [InlineData("signature_scheme", "\"hmac-md5\"", "hmac-md5")]
    [InlineData("shell_port", "70000", "70000")]
    [InlineData("hb_port", "-1", "-1")]
    public void Parse_UnsupportedValue_ThrowsNamingTheFieldAndTheValue(string field, string json, string value)
    {
        JsonObject connection = JsonNode.Parse(Valid())!.AsObject();
        connection[field] = JsonNode.Parse(json);

        var error = Assert.Throws<ArgumentException>(() => ConnectionInfo.Parse(connection.ToJsonString()));

        Assert.Equal(field, error.ParamName);
        Assert.Contains(value, error.Message);
    }

    [Fact]
    public void Parse_MissingKey_Throws()
    {
        string json = """{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"signature_scheme":"hmac-sha256"}""";

        Assert.Contains("key", Assert.Throws<ArgumentException>(() => ConnectionInfo.Parse(json)).Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingIt()
    {
        Assert.Contains("nowhere.json", Assert.Throws<FileNotFoundException>(() => ConnectionInfo.Load("/tmp/nowhere.json")).Message);
    }

    private static string Valid() =>
        """{"transport":"tcp","ip":"127.0.0.1","shell_port":1,"control_port":2,"stdin_port":3,"iopub_port":4,"hb_port":5,"key":"k","signature_scheme":"hmac-sha256"}""";
}
