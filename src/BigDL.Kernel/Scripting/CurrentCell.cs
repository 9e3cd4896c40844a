using BigDL.Kernel.Execution;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// The cell a session is running (or ran last): where console writes, displays and background progress go, and the
/// token an interrupt cancels. Output arriving after its cell finished still goes to that cell, as in IPython.
/// </summary>
internal sealed class CurrentCell
{
    private readonly Lock gate = new();
    private ICellOutput? output;
    private CancellationToken cancellation;

    /// <summary>The output of the running or last cell; <c>null</c> before the first cell.</summary>
    public ICellOutput? Output
    {
        get
        {
            lock (gate) return output;
        }
    }

    /// <summary>Cancelled when the user interrupts the running cell.</summary>
    public CancellationToken Cancellation
    {
        get
        {
            lock (gate) return cancellation;
        }
    }

    /// <summary>Makes <paramref name="cellOutput"/> and <paramref name="token"/> current.</summary>
    public void Begin(ICellOutput cellOutput, CancellationToken token)
    {
        lock (gate)
        {
            output = cellOutput;
            cancellation = token;
        }
    }

    /// <summary>The running cell has ended: its token no longer cancels anything that starts later.</summary>
    public void End()
    {
        lock (gate) cancellation = CancellationToken.None;
    }
}
