using System.Text;
using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server;

/// <summary>
/// The outputs of one <c>execute_request</c>, published on iopub with that request as parent. Stream text is buffered
/// and sent at most every <see cref="FlushInterval"/>; the buffer is flushed before any other output, so the front end
/// sees everything in the order it was written. Thread-safe; a silent cell publishes nothing.
/// </summary>
internal sealed class CellOutput : ICellOutput
{
    /// <summary>How long stream text may wait to be sent with the text that follows it.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);

    private readonly KernelMessenger messenger;
    private readonly MessageHeader parent;
    private readonly bool silent;
    private readonly Lock gate = new();
    private readonly StringBuilder buffer = new();
    private readonly Timer timer;
    private OutputStream bufferedStream;
    private bool flushScheduled;

    /// <summary>Outputs of the request whose header is <paramref name="parent"/>.</summary>
    public CellOutput(KernelMessenger messenger, MessageHeader parent, bool silent)
    {
        this.messenger = messenger ?? throw new ArgumentNullException(nameof(messenger));
        this.parent = parent ?? throw new ArgumentNullException(nameof(parent));
        this.silent = silent;
        timer = new Timer(_ => FlushScheduled());
    }

    /// <inheritdoc/>
    public void Write(OutputStream stream, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (silent || text.Length == 0)
            return;
        lock (gate)
        {
            if (buffer.Length > 0 && stream != bufferedStream)
                FlushLocked();
            bufferedStream = stream;
            buffer.Append(text);
            if (!flushScheduled)
            {
                flushScheduled = true;
                timer.Change(FlushInterval, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <inheritdoc/>
    public void Display(DisplayData data, string? displayId)
    {
        ArgumentNullException.ThrowIfNull(data);
        Publish("display_data", new DisplayContent(data.Data, data.Metadata, new DisplayTransient(displayId)));
    }

    /// <inheritdoc/>
    public void UpdateDisplay(DisplayData data, string displayId)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentException.ThrowIfNullOrEmpty(displayId);
        Publish("update_display_data", new DisplayContent(data.Data, data.Metadata, new DisplayTransient(displayId)));
    }

    /// <inheritdoc/>
    public void ClearOutput(bool wait) => Publish("clear_output", new ClearOutput(wait));

    /// <summary>Publishes the cell's value (<c>execute_result</c>).</summary>
    public void Result(int executionCount, DisplayData result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Publish("execute_result", new ExecuteResult(executionCount, result.Data, result.Metadata));
    }

    /// <summary>Publishes the cell's failure (<c>error</c>).</summary>
    public void Error(ErrorContent error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Publish("error", error);
    }

    /// <summary>Sends the buffered stream text now.</summary>
    public void Flush()
    {
        lock (gate)
            FlushLocked();
    }

    private void Publish(string msgType, object content)
    {
        if (silent)
            return;
        lock (gate)
        {
            FlushLocked();
            messenger.Publish(msgType, content, parent);
        }
    }

    private void FlushScheduled()
    {
        lock (gate)
        {
            flushScheduled = false;
            FlushLocked();
        }
    }

    private void FlushLocked()
    {
        if (buffer.Length == 0)
            return;
        string name = bufferedStream == OutputStream.Stderr ? "stderr" : "stdout";
        messenger.Publish("stream", new StreamText(name, buffer.ToString()), parent);
        buffer.Clear();
    }
}
