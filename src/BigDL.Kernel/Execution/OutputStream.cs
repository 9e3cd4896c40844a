namespace BigDL.Kernel.Execution;

/// <summary>The two text streams a cell writes to (Jupyter's <c>stream</c> message names them).</summary>
public enum OutputStream
{
    /// <summary>Standard output (<c>Console.Out</c>).</summary>
    Stdout,

    /// <summary>Standard error (<c>Console.Error</c>).</summary>
    Stderr,
}
