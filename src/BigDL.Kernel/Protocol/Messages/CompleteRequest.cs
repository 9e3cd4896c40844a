namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>complete_request</c>; the cursor counts Unicode code points (the end of the code when absent).</summary>
internal sealed record CompleteRequest(string Code, int? CursorPos = null);
