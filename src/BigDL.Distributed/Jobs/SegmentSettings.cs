using BigDL.Optim;

namespace BigDL.Distributed.Jobs;

/// <summary>
/// How the workers of a generation train: everything of a job spec that is not the model, criterion, optim method or
/// validation methods (each training stream states its own epoch and first iteration).
/// </summary>
/// <param name="CoresPerRank">Model replicas of each worker.</param>
/// <param name="Compression">How gradients and weights travel between workers.</param>
/// <param name="Clipping">Clipping of the summed gradient (element-wise or by its L2 norm).</param>
/// <param name="IterationDeadline">How long a worker waits for its peers within one iteration before it gives up (a hung peer).</param>
/// <param name="PeerSilence">How long a link may stay silent before its peer counts as lost.</param>
/// <param name="DropSlow">Drop-slow's policy and where its threshold stands as the workers start; null: off.</param>
/// <param name="SharedMemory">Whether workers on one machine pass gradient and weight slices through shared memory.</param>
internal sealed record SegmentSettings(int CoresPerRank, WireCompression Compression, GradientClipping Clipping, TimeSpan IterationDeadline, TimeSpan PeerSilence, DropSlowStart? DropSlow = null, bool SharedMemory = false);

/// <summary>Drop-slow as a segment starts: the policy, the threshold learned so far and the iterations of the run before the segment.</summary>
internal sealed record DropSlowStart(DropSlowPolicy Policy, double? ThresholdSeconds, int IterationsSeen)
{
    /// <summary>A rank's threshold, taking over from where the previous segment left it.</summary>
    public StragglerThreshold Threshold() => new(Policy, ThresholdSeconds, IterationsSeen);
}
