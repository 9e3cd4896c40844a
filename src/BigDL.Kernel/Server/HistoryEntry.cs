namespace BigDL.Kernel.Server;

/// <summary>One executed input: its session, its line (the execution count), its code and the plain text of its
/// value (<c>null</c> when it had none).</summary>
internal sealed record HistoryEntry(int Session, int Line, string Input, string? Output = null);
