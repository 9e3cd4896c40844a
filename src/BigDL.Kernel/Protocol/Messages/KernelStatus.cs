namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>status</c> (iopub): <c>starting</c>, <c>busy</c> or <c>idle</c>.</summary>
internal sealed record KernelStatus(string ExecutionState)
{
    /// <summary>Published once, when the kernel starts.</summary>
    public static KernelStatus Starting { get; } = new("starting");

    /// <summary>Published before handling each request.</summary>
    public static KernelStatus Busy { get; } = new("busy");

    /// <summary>Published after handling each request.</summary>
    public static KernelStatus Idle { get; } = new("idle");
}
