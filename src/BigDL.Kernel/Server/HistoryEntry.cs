namespace BigDL.Kernel.Server;

/// <summary>One executed input: its session, its line (the execution count) and its code.</summary>
internal sealed record HistoryEntry(int Session, int Line, string Input);
