using System.Text.Json.Nodes;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>inspect_request</c>: the session's documentation of the symbol at the cursor (code points).</summary>
internal sealed class InspectHandler(ICodeSession session, KernelMessenger messenger) : IRequestHandler
{
    private static readonly Dictionary<string, JsonNode?> Nothing = [];

    /// <inheritdoc/>
    public string MessageType => "inspect_request";

    /// <inheritdoc/>
    public void Handle(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var inspect = request.Message.ContentAs<InspectRequest>();
        if (inspect.DetailLevel is not (0 or 1))
            throw new ArgumentOutOfRangeException("detail_level", inspect.DetailLevel, $"detail_level must be 0 or 1, got {inspect.DetailLevel}.");
        int cursor = CursorPosition.Resolve(inspect.Code, inspect.CursorPos);
        InspectionResult result = session.InspectAsync(inspect.Code, cursor, inspect.DetailLevel, CancellationToken.None).GetAwaiter().GetResult();
        messenger.Reply(request, "inspect_reply",
            new InspectReply(result.Found, result.Data?.Data ?? Nothing, result.Data?.Metadata ?? Nothing));
    }
}
