namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>is_complete_request</c>: is this code ready to run?</summary>
internal sealed record IsCompleteRequest(string Code);
