namespace BigDL.Interactive.Magics;

/// <summary>A magic command was written wrongly; the message says what and shows the usage.</summary>
public sealed class MagicUsageException(string problem) : Exception(problem + "\n\n" + BigDLMagic.Usage)
{
    /// <summary>What was wrong, without the usage text.</summary>
    public string Problem { get; } = problem;
}
