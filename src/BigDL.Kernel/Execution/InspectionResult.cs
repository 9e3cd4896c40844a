namespace BigDL.Kernel.Execution;

/// <summary>What is known about the symbol at a cursor (Jupyter's <c>inspect_reply</c>); <c>null</c> data when nothing is.</summary>
public sealed record InspectionResult(DisplayData? Data)
{
    /// <summary>Whether a symbol was found.</summary>
    public bool Found => Data is not null;
}
