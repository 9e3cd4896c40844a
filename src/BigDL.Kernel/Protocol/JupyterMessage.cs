using System.Text.Json;
using System.Text.Json.Nodes;

namespace BigDL.Kernel.Protocol;

/// <summary>One Jupyter message, as carried between the ZeroMQ routing frames and the binary buffers.</summary>
/// <param name="Identities">Routing frames before the delimiter (on iopub: the topic).</param>
/// <param name="Header">The message's header.</param>
/// <param name="ParentHeader">The header of the request this message answers; <c>null</c> on the wire's <c>{}</c>.</param>
/// <param name="Metadata">The metadata dictionary.</param>
/// <param name="Content">The content, shaped by <see cref="MessageHeader.MsgType"/>.</param>
/// <param name="Buffers">Extra binary frames after the content.</param>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    MessageHeader Header,
    MessageHeader? ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The message type.</summary>
    public string MsgType => Header.MsgType;

    /// <summary>The content read as <typeparamref name="T"/> (a record of <see cref="Messages"/>).</summary>
    public T ContentAs<T>() =>
        Content.Deserialize<T>(JupyterJson.Options)
        ?? throw new JsonException($"The content of {MsgType} must be an object, got null.");

    /// <summary>Serialises a content record into the object a message carries.</summary>
    public static JsonObject ToContent(object content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return JsonSerializer.SerializeToNode(content, content.GetType(), JupyterJson.Options) as JsonObject
               ?? throw new ArgumentException($"Message content must serialise to a JSON object, got {content.GetType().Name}.", nameof(content));
    }
}
