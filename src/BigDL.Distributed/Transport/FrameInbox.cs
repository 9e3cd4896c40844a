using System.Globalization;

namespace BigDL.Distributed.Transport;

/// <summary>
/// Frames of one generation, asked for by type and iteration. A fast peer's frames of a later phase or iteration may
/// arrive before the ones awaited: they are kept until asked for. A frame of another generation, of an iteration
/// already finished, or an ABORT ends the step with a clear error.
/// </summary>
internal sealed class FrameInbox(IRankTransport transport, int generation)
{
    private readonly List<Frame> _early = [];

    /// <summary>The next frame of <paramref name="type"/> for <paramref name="iteration"/>, from any peer.</summary>
    public async ValueTask<Frame> ReceiveAsync(FrameType type, int iteration, CancellationToken cancellation)
    {
        int kept = _early.FindIndex(f => f.Header.Type == type && f.Header.Iteration == iteration);
        if (kept >= 0)
        {
            var frame = _early[kept];
            _early.RemoveAt(kept);
            return frame;
        }
        while (true)
        {
            var frame = await transport.ReceiveAsync(cancellation).ConfigureAwait(false);
            Check(frame.Header, iteration);
            if (frame.Header.Type == type && frame.Header.Iteration == iteration) return frame;
            _early.Add(frame);
        }
    }

    private void Check(FrameHeader header, int iteration)
    {
        if (header.Type == FrameType.Abort)
            throw new PeerLostException(header.SourceRank, Say($"peer rank {header.SourceRank} aborted generation {header.Generation} at iteration {header.Iteration}"));
        if (header.Generation != generation)
            throw new InvalidDataException(Say($"refused a frame of generation {header.Generation} from rank {header.SourceRank}; this job runs generation {generation}"));
        if (header.Iteration < iteration)
            throw new InvalidDataException(Say($"refused a {header.Type} frame of finished iteration {header.Iteration} from rank {header.SourceRank}; this rank is at iteration {iteration}"));
    }

    private string Say(FormattableString message)
        => string.Create(CultureInfo.InvariantCulture, $"rank {transport.Rank}: ") + message.ToString(CultureInfo.InvariantCulture);
}
