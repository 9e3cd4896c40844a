namespace BigDL.Visualization;

/// <summary>
/// The TensorBoard log of training, written to <c>logDir/appName/train</c>: BigDL's
/// <c>com.intel.analytics.bigdl.visualization.TrainSummary</c>.
/// </summary>
/// <remarks>
/// BigDL's optimizer records the tags "Loss", "LearningRate" and "Throughput" here every iteration; per-tag
/// recording intervals (BigDL's <c>setSummaryTrigger</c>) belong to this class and come with the training loop.
/// </remarks>
/// <example>
/// <code>
/// using var summary = new TrainSummary("/tmp/logs", "lenet");
/// summary.AddScalar("Loss", 2.30, step: 1);
/// var losses = summary.ReadScalar("Loss");   // [(1, 2.3f, wall time)]
/// </code>
/// </example>
public sealed class TrainSummary : Summary
{
    /// <summary>Opens a new event file in <c>logDir/appName/train</c>, creating the directories as needed.</summary>
    /// <exception cref="ArgumentException"><paramref name="logDir"/> or <paramref name="appName"/> is empty, or
    /// <paramref name="appName"/> is a rooted path, or <paramref name="logDir"/> is a file.</exception>
    public TrainSummary(string logDir, string appName) : base(logDir, appName, "train")
    {
    }
}
