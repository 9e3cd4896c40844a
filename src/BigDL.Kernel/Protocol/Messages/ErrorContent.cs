namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>error</c> (iopub): a failure's name, message and readable lines.</summary>
internal sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback)
{
    /// <summary>An exception as an error: its type name, message and the lines of its full text.</summary>
    public static ErrorContent From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new(exception.GetType().Name, exception.Message, exception.ToString().Split('\n'));
    }
}
