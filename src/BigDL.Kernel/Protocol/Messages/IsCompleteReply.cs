namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>is_complete_reply</c>: <c>complete</c>, <c>incomplete</c> (with the next line's indent), <c>invalid</c> or <c>unknown</c>.</summary>
internal sealed record IsCompleteReply(string Status, string? Indent = null);
