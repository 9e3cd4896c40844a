using System.Text.Json;
using System.Text.Json.Serialization;

namespace BigDL.Kernel.Protocol;

/// <summary>
/// The connection file Jupyter writes for a kernel: where the five sockets listen and how messages are signed.
/// A port of 0 means "any free port"; <see cref="WithPorts"/> records the ports actually bound.
/// </summary>
internal sealed record ConnectionInfo(
    [property: JsonPropertyName("transport")] string Transport,
    [property: JsonPropertyName("ip")] string Ip,
    [property: JsonPropertyName("shell_port")] int ShellPort,
    [property: JsonPropertyName("control_port")] int ControlPort,
    [property: JsonPropertyName("stdin_port")] int StdinPort,
    [property: JsonPropertyName("iopub_port")] int IopubPort,
    [property: JsonPropertyName("hb_port")] int HeartbeatPort,
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("signature_scheme")] string SignatureScheme)
{
    /// <summary>The only signature scheme supported (with a non-empty key).</summary>
    public const string HmacSha256 = "hmac-sha256";

    /// <summary>Reads and checks a connection file.</summary>
    public static ConnectionInfo Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"Connection file '{path}' does not exist.", path);
        return Parse(File.ReadAllText(path));
    }

    /// <summary>Parses and checks the JSON of a connection file.</summary>
    public static ConnectionInfo Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        ConnectionInfo info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(json, JupyterJson.Options)
                   ?? throw new ArgumentException("Connection file is the JSON null; expected an object.", nameof(json));
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Connection file is not a valid connection object: {e.Message}", nameof(json), e);
        }
        info.Validate();
        return info;
    }

    /// <summary>The ZeroMQ endpoint of <paramref name="port"/> on this connection's address.</summary>
    public string Endpoint(int port) => $"{Transport}://{Ip}:{port}";

    /// <summary>This connection with the ports the kernel actually bound.</summary>
    public ConnectionInfo WithPorts(int shell, int control, int stdin, int iopub, int heartbeat) =>
        this with { ShellPort = shell, ControlPort = control, StdinPort = stdin, IopubPort = iopub, HeartbeatPort = heartbeat };

    /// <summary>The connection file's JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JupyterJson.Options);

    private void Validate()
    {
        if (Transport != "tcp")
            throw new ArgumentException($"Connection file: transport must be \"tcp\" (the only one NetMQ serves), got \"{Transport}\".", "transport");
        if (string.IsNullOrWhiteSpace(Ip))
            throw new ArgumentException($"Connection file: ip must be an address, got \"{Ip}\".", "ip");
        if (Key.Length > 0 && SignatureScheme != HmacSha256)
            throw new ArgumentException(
                $"Connection file: signature_scheme must be \"{HmacSha256}\", got \"{SignatureScheme}\".", "signature_scheme");
        ValidatePort(ShellPort, "shell_port");
        ValidatePort(ControlPort, "control_port");
        ValidatePort(StdinPort, "stdin_port");
        ValidatePort(IopubPort, "iopub_port");
        ValidatePort(HeartbeatPort, "hb_port");
    }

    private static void ValidatePort(int port, string name)
    {
        if (port is < 0 or > 65535)
            throw new ArgumentException($"Connection file: {name} must be in [0, 65535] (0 = any free port), got {port}.", name);
    }
}
