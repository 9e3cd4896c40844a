namespace BigDL.Visualization;

/// <summary>
/// The fields of TensorFlow's <c>Event</c> message that event files from BigDL carry: <c>wall_time</c> (seconds since
/// the Unix epoch), <c>step</c>, and one of <c>file_version</c> (the first record of a file) or <c>summary</c>.
/// </summary>
internal sealed record TensorFlowEvent(double WallTime, long Step, string? FileVersion, IReadOnlyList<SummaryValue>? Summary)
{
    /// <summary>The <c>file_version</c> TensorFlow writes first in every event file.</summary>
    public const string CurrentFileVersion = "brain.Event:2";

    /// <summary>An event holding one scalar.</summary>
    public static TensorFlowEvent Scalar(double wallTime, long step, string tag, float value) =>
        new(wallTime, step, null, [new SummaryValue(tag, value)]);
}
