namespace BigDL.Kernel.Protocol.Messages;

/// <summary>The not-persisted part of a display: its id, when it can be updated (<c>{}</c> when it has none).</summary>
internal sealed record DisplayTransient(string? DisplayId);
