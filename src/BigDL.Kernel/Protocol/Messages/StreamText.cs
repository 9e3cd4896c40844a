namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>stream</c> (iopub): text written to <c>stdout</c> or <c>stderr</c>.</summary>
internal sealed record StreamText(string Name, string Text);
