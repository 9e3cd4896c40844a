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

    /// <summary>A rank's sum of squares of the summed gradient slice it owns (0 without one), for clipping by the whole gradient's L2 norm.</summary>
    NormSquares = 6,

    /// <summary>Any number of a rank's doubles, all-gathered (the replica times drop-slow learns its threshold from).</summary>
    Values = 7,
}
