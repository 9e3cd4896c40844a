namespace BigDL.Kernel.Server;

/// <summary>The cancellation of the cell being run, so an interrupt (on the control thread) can reach it.</summary>
internal sealed class RunningCell
{
    private readonly Lock gate = new();
    private CancellationTokenSource? current;

    /// <summary>Marks a cell as running; returns the token an interrupt cancels.</summary>
    public CancellationToken Begin()
    {
        lock (gate)
        {
            if (current is not null)
                throw new InvalidOperationException("A cell is already running; cells run one at a time.");
            current = new CancellationTokenSource();
            return current.Token;
        }
    }

    /// <summary>Marks the running cell as finished.</summary>
    public void End()
    {
        lock (gate)
        {
            current?.Dispose();
            current = null;
        }
    }

    /// <summary>Cancels the running cell; false when none runs.</summary>
    public bool Cancel()
    {
        lock (gate)
        {
            if (current is null)
                return false;
            current.Cancel();
            return true;
        }
    }
}
