namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>inspect_request</c>; the cursor counts Unicode code points (the end of the code when absent).</summary>
internal sealed record InspectRequest(string Code, int? CursorPos = null, int DetailLevel = 0);
