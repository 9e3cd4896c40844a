namespace BigDL.Kernel.Server;

/// <summary>Serves one message type; the dispatcher publishes busy/idle around it and answers its exceptions.</summary>
internal interface IRequestHandler
{
    /// <summary>The message type served, for example <c>execute_request</c>.</summary>
    string MessageType { get; }

    /// <summary>Handles <paramref name="request"/>, replying through the messenger when the type has a reply.</summary>
    void Handle(Request request);
}
