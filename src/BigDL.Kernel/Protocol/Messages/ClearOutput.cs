namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>clear_output</c> (iopub); with <paramref name="Wait"/>, clear when the next output arrives.</summary>
internal sealed record ClearOutput(bool Wait);
