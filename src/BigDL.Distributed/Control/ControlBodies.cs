using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BigDL.Distributed.Control;

/// <summary>Encodes and decodes the bodies of control messages: small UTF-8 JSON objects, and the all-gather result's length-prefixed list.</summary>
internal static class ControlBodies
{
    public static byte[] Hello(string tokenHex, int pid, int version)
        => Json(new JsonObject { ["version"] = version, ["token"] = tokenHex, ["pid"] = pid });

    public static (int Version, string TokenHex, int Pid) ReadHello(byte[] body)
    {
        using var document = Parse(body, ControlMessageKind.Hello);
        var root = document.RootElement;
        return (Int(root, "version", ControlMessageKind.Hello), Text(root, "token", ControlMessageKind.Hello), Int(root, "pid", ControlMessageKind.Hello));
    }

    public static byte[] TaskInfo(TaskInfo task)
        => Json(new JsonObject { ["jobId"] = task.JobId, ["rank"] = task.Rank, ["worldSize"] = task.WorldSize, ["attempt"] = task.Attempt });

    public static TaskInfo ReadTaskInfo(byte[] body)
    {
        using var document = Parse(body, ControlMessageKind.TaskInfo);
        var root = document.RootElement;
        const ControlMessageKind kind = ControlMessageKind.TaskInfo;
        var task = new TaskInfo(Text(root, "jobId", kind), Int(root, "rank", kind), Int(root, "worldSize", kind), Int(root, "attempt", kind));
        if (task.WorldSize < 1 || (uint)task.Rank >= (uint)task.WorldSize || task.Attempt < 0)
            throw new InvalidDataException($"TaskInfo must have worldSize ≥ 1, rank in [0, worldSize) and attempt ≥ 0, got {task}");
        return task;
    }

    /// <summary>The body of Error and Failure messages.</summary>
    public static byte[] ExitCodeAndMessage(int exitCode, string message)
        => Json(new JsonObject { ["exitCode"] = exitCode, ["message"] = message });

    public static (int ExitCode, string Message) ReadExitCodeAndMessage(byte[] body, ControlMessageKind kind)
    {
        using var document = Parse(body, kind);
        return (Int(document.RootElement, "exitCode", kind), Text(document.RootElement, "message", kind));
    }

    public static byte[] Abort(string reason) => Json(new JsonObject { ["reason"] = reason });

    public static string ReadAbort(byte[] body)
    {
        using var document = Parse(body, ControlMessageKind.Abort);
        return Text(document.RootElement, "reason", ControlMessageKind.Abort);
    }

    public static byte[] Log(string level, string text) => Json(new JsonObject { ["level"] = level, ["text"] = text });

    public static (string Level, string Text) ReadLog(byte[] body)
    {
        using var document = Parse(body, ControlMessageKind.Log);
        return (Text(document.RootElement, "level", ControlMessageKind.Log), Text(document.RootElement, "text", ControlMessageKind.Log));
    }

    public static byte[] Progress(JsonObject progress) => Json(progress);

    public static JsonObject ReadProgress(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new InvalidDataException("expected a Progress body that is a JSON object, got another JSON value");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"expected a Progress body that is a JSON object, got invalid JSON: {e.Message}", e);
        }
    }

    /// <summary>u32 count, then for each contribution in rank order its u32 length and bytes (all little-endian).</summary>
    public static byte[] AllGatherResult(IReadOnlyList<byte[]> contributions)
    {
        long length = 4;
        foreach (var c in contributions) length += 4 + c.Length;
        if (length > ControlFraming.MaxLength - 1)
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"an all-gather result must fit in {ControlFraming.MaxLength - 1} bytes, got {length}"));
        var body = new byte[length];
        BinaryPrimitives.WriteUInt32LittleEndian(body, (uint)contributions.Count);
        int at = 4;
        foreach (var c in contributions)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(body.AsSpan(at), (uint)c.Length);
            c.CopyTo(body, at + 4);
            at += 4 + c.Length;
        }
        return body;
    }

    public static IReadOnlyList<byte[]> ReadAllGatherResult(byte[] body, int expectedCount)
    {
        var span = body.AsSpan();
        if (span.Length < 4)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"an AllGatherResult body needs at least 4 bytes, got {span.Length}"));
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(span);
        if (count != expectedCount)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"expected an AllGatherResult of {expectedCount} contributions (the world size), got {count}"));
        var result = new byte[count][];
        int at = 4;
        for (int i = 0; i < result.Length; i++)
        {
            uint length = span.Length - at >= 4 ? BinaryPrimitives.ReadUInt32LittleEndian(span[at..]) : uint.MaxValue;
            if (length > (uint)(span.Length - at - 4))
                throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"AllGatherResult's contribution {i} runs past the end of the {span.Length}-byte body"));
            result[i] = span.Slice(at + 4, (int)length).ToArray();
            at += 4 + (int)length;
        }
        if (at != span.Length)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"AllGatherResult has {span.Length - at} bytes after its last contribution"));
        return result;
    }

    private static byte[] Json(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonDocument Parse(byte[] body, ControlMessageKind kind)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"expected a {kind} body that is a JSON object, got invalid JSON: {e.Message}", e);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return document;
        var actual = document.RootElement.ValueKind;
        document.Dispose();
        throw new InvalidDataException($"expected a {kind} body that is a JSON object, got a JSON {actual}");
    }

    private static int Int(JsonElement root, string name, ControlMessageKind kind)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : throw new InvalidDataException($"expected {kind} to have a 32-bit integer \"{name}\", got {Describe(root, name)}");

    private static string Text(JsonElement root, string name, ControlMessageKind kind)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new InvalidDataException($"expected {kind} to have a string \"{name}\", got {Describe(root, name)}");

    private static string Describe(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) ? $"{value.ValueKind} {value.GetRawText()}" : "no such member";
}
