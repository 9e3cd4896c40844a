namespace BigDL.Distributed.Transport;

/// <summary>What a frame between ranks carries (SPARK.md, plane P2).</summary>
public enum FrameType : byte
{
    /// <summary>A rank's gradient for the slice the receiver owns.</summary>
    GradientSlice = 1,

    /// <summary>An owner's updated weights of its slice, for every other rank.</summary>
    WeightSlice = 2,

    /// <summary>A rank's loss and record count of the iteration.</summary>
    Scalars = 3,

    /// <summary>The sender gives up the current generation; the receiver must stop too.</summary>
    Abort = 4,

    /// <summary>The sender is alive (no payload).</summary>
    Heartbeat = 5,
}
