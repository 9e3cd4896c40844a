using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>history_request</c>: tail, range and glob search over this kernel's executed inputs (inputs only).</summary>
internal sealed class HistoryHandler(ExecutionHistory history, KernelMessenger messenger) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "history_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Message.ContentAs<HistoryRequest>();
        if (query.Output)
            throw new NotSupportedException("history_request: output must be false (this kernel keeps inputs only), got true.");
        IReadOnlyList<HistoryEntry> entries = query.HistAccessType switch
        {
            "tail" => history.Tail(query.N),
            "range" => history.Range(query.Session, query.Start, query.Stop),
            "search" => history.Search(query.Pattern, query.N, query.Unique),
            _ => throw new ArgumentException(
                $"hist_access_type must be \"tail\", \"range\" or \"search\", got \"{query.HistAccessType}\".", "hist_access_type"),
        };
        var triples = new JsonArray();
        foreach (HistoryEntry entry in entries)
            triples.Add(new JsonArray(entry.Session, entry.Line, entry.Input));
        messenger.Reply(request, "history_reply", new HistoryReply(triples));
    }
}
