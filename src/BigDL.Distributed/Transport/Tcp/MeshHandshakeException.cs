namespace BigDL.Distributed.Transport.Tcp;

/// <summary>A link of the TCP mesh was refused during its handshake, by this side or by the other; the message says what was expected and what came.</summary>
public sealed class MeshHandshakeException : IOException
{
    /// <summary>An exception saying a handshake was refused for <paramref name="reason"/>, by the other side when <paramref name="refusedByPeer"/>, with <paramref name="message"/>.</summary>
    public MeshHandshakeException(MeshRefusal reason, string message, bool refusedByPeer = false, Exception? inner = null) : base(message, inner)
    {
        Reason = reason;
        RefusedByPeer = refusedByPeer;
    }

    /// <summary>What was refused.</summary>
    public MeshRefusal Reason { get; }

    /// <summary>Whether the other side refused this side (and sent its reason), rather than this side refusing the other.</summary>
    public bool RefusedByPeer { get; }
}
