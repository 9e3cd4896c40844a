namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>history_request</c>: a tail, a range of one session, or a glob search of the executed inputs.</summary>
/// <param name="Output">Whether each entry pairs the input with its output.</param>
/// <param name="Raw">Raw or transformed input (the same here).</param>
/// <param name="HistAccessType"><c>tail</c>, <c>range</c> or <c>search</c>.</param>
/// <param name="Session">For range: the session (0 = this one).</param>
/// <param name="Start">For range: the first line.</param>
/// <param name="Stop">For range: the line after the last (the end when absent).</param>
/// <param name="N">For tail and search: how many of the latest entries.</param>
/// <param name="Pattern">For search: a glob (<c>*</c>, <c>?</c>, <c>[…]</c>) matched against the whole input.</param>
/// <param name="Unique">For search: each input once, at its latest line.</param>
internal sealed record HistoryRequest(
    bool Output = false,
    bool Raw = true,
    string HistAccessType = "tail",
    int Session = 0,
    int Start = 0,
    int? Stop = null,
    int? N = null,
    string Pattern = "*",
    bool Unique = false);
