namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>shutdown_request</c>; <paramref name="Restart"/> tells the kernel a new one will follow.</summary>
internal sealed record ShutdownRequest(bool Restart = false);
