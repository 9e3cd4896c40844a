namespace BigDL.Kernel.Protocol.Messages;

/// <summary>A <c>*_reply</c> with status <c>error</c>: what a request gets when handling it threw.</summary>
internal sealed record ErrorReply(string Ename, string Evalue, IReadOnlyList<string> Traceback)
{
    /// <summary>Always <c>error</c>.</summary>
    public string Status => "error";

    /// <summary>The reply carrying <paramref name="error"/>.</summary>
    public static ErrorReply From(ErrorContent error) => new(error.Ename, error.Evalue, error.Traceback);
}
