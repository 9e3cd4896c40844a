namespace BigDL.Interactive.Training;

/// <summary>Where a training run shown live stands.</summary>
internal enum TrainingStatus
{
    /// <summary>Still training.</summary>
    Running,

    /// <summary>Its end trigger fired.</summary>
    Completed,

    /// <summary>Stopped by cancellation (a notebook interrupt) after an iteration.</summary>
    Cancelled,

    /// <summary>Training threw.</summary>
    Failed,
}
