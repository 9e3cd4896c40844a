namespace BigDL.Kernel.Protocol.Messages;

/// <summary>A reply that is only a status: <c>interrupt_reply</c> (ok) or an aborted <c>execute_reply</c>.</summary>
internal sealed record StatusReply(string Status)
{
    /// <summary><c>{"status": "ok"}</c>.</summary>
    public static StatusReply Ok { get; } = new("ok");

    /// <summary><c>{"status": "aborted"}</c>: the request was skipped after an earlier error.</summary>
    public static StatusReply Aborted { get; } = new("aborted");
}
