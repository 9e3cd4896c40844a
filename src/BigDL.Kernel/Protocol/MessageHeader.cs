namespace BigDL.Kernel.Protocol;

/// <summary>A message's header (and, for replies and outputs, its parent header).</summary>
/// <param name="MsgId">Unique id of the message.</param>
/// <param name="Session">Id of the sender's session.</param>
/// <param name="Username">The sender's user name.</param>
/// <param name="Date">When the message was made (written as ISO-8601 UTC).</param>
/// <param name="MsgType">The message type, for example <c>execute_request</c>.</param>
/// <param name="Version">The messaging protocol version.</param>
internal sealed record MessageHeader(string MsgId, string Session, string Username, DateTimeOffset Date, string MsgType, string Version)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>A new header of this kernel's session, dated now.</summary>
    public static MessageHeader Create(string msgType, string session, string username) =>
        new(Guid.NewGuid().ToString("N"), session, username, DateTimeOffset.UtcNow, msgType, ProtocolVersion);
}
