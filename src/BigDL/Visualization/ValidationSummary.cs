namespace BigDL.Visualization;

/// <summary>
/// The TensorBoard log of validation, written to <c>logDir/appName/validation</c>: BigDL's
/// <c>com.intel.analytics.bigdl.visualization.ValidationSummary</c>.
/// </summary>
/// <remarks>
/// BigDL's optimizer records one tag per validation method here ("Top1Accuracy", "Top5Accuracy", "Loss") at each
/// validation, with the iteration as step.
/// </remarks>
public sealed class ValidationSummary : Summary
{
    /// <summary>Opens a new event file in <c>logDir/appName/validation</c>, creating the directories as needed.</summary>
    /// <exception cref="ArgumentException"><paramref name="logDir"/> or <paramref name="appName"/> is empty, or
    /// <paramref name="appName"/> is a rooted path, or <paramref name="logDir"/> is a file.</exception>
    public ValidationSummary(string logDir, string appName) : base(logDir, appName, "validation")
    {
    }
}
