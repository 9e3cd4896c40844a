using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>history_request</c>: tail, range and glob search over this kernel's executed inputs; with
/// <c>output</c>, each entry's third item is <c>[input, plain text of its value or null]</c>.</summary>
internal sealed class HistoryHandler(ExecutionHistory history, KernelMessenger messenger) : IRequestHandler
{
    /// <inheritdoc/>
    public string MessageType => "history_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Message.ContentAs<HistoryRequest>();
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
            triples.Add(new JsonArray(entry.Session, entry.Line, query.Output ? new JsonArray(entry.Input, entry.Output) : entry.Input));
        messenger.Reply(request, "history_reply", new HistoryReply(triples));
    }
}
