using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol;

/// <summary>
/// Turns messages into ZeroMQ frames and back:
/// <c>[identities…, "&lt;IDS|MSG&gt;", signature, header, parent_header, metadata, content, buffers…]</c>.
/// Thread-safe.
/// </summary>
internal sealed class WireCodec(MessageSigner signer)
{
    /// <summary>The frame between the routing identities and the signature.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        byte[][] parts =
        [
            JsonSerializer.SerializeToUtf8Bytes(message.Header, JupyterJson.Options),
            message.ParentHeader is null ? EmptyObject : JsonSerializer.SerializeToUtf8Bytes(message.ParentHeader, JupyterJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(message.Metadata, JupyterJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(message.Content, JupyterJson.Options),
        ];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>The message in <paramref name="frames"/>; throws <see cref="InvalidMessageException"/> when the frames
    /// are malformed or the signature does not match.</summary>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        int delimiter = IndexOfDelimiter(frames);
        if (delimiter < 0)
            throw new InvalidMessageException($"No <IDS|MSG> delimiter among {frames.Count} frames.");
        if (frames.Count < delimiter + 6)
            throw new InvalidMessageException(
                $"Expected at least 5 frames after the delimiter (signature, header, parent_header, metadata, content), got {frames.Count - delimiter - 1}.");
        byte[][] parts = [frames[delimiter + 2], frames[delimiter + 3], frames[delimiter + 4], frames[delimiter + 5]];
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), parts))
            throw new InvalidMessageException("The signature does not match the message (wrong key or tampered frames).");
        return new JupyterMessage(
            Slice(frames, 0, delimiter),
            Read<MessageHeader>(parts[0], "header"),
            ReadParent(parts[1]),
            Read<JsonObject>(parts[2], "metadata"),
            Read<JsonObject>(parts[3], "content"),
            Slice(frames, delimiter + 6, frames.Count - delimiter - 6));
    }

    private static int IndexOfDelimiter(IReadOnlyList<byte[]> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
                return i;
        }
        return -1;
    }

    private static byte[][] Slice(IReadOnlyList<byte[]> frames, int start, int count)
    {
        var slice = new byte[count][];
        for (int i = 0; i < count; i++)
            slice[i] = frames[start + i];
        return slice;
    }

    private static MessageHeader? ReadParent(byte[] json)
    {
        JsonObject parent = Read<JsonObject>(json, "parent_header");
        return parent.Count == 0 ? null : Read<MessageHeader>(json, "parent_header");
    }

    private static T Read<T>(byte[] json, string part)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, JupyterJson.Options)
                   ?? throw new InvalidMessageException($"The {part} frame is null; expected a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"The {part} frame is not a valid {part}: {e.Message}", e);
        }
    }
}
