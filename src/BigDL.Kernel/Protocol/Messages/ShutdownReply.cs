namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>shutdown_reply</c>, echoing the request's restart flag.</summary>
internal sealed record ShutdownReply(bool Restart)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
