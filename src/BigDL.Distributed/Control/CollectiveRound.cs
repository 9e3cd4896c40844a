namespace BigDL.Distributed.Control;

/// <summary>
/// The driver's state of the collective (AllGather or Barrier) the workers are in: it collects one contribution per
/// rank and, once every rank has contributed, answers them all. Not thread-safe: the server calls it under its lock.
/// </summary>
/// <remarks>
/// Once broken (a worker left, the job was aborted, or workers entered different collectives) every waiting and every
/// later request is answered with an Error, so no worker waits for a round that cannot complete.
/// </remarks>
internal sealed class CollectiveRound(int worldSize)
{
    private readonly byte[]?[] _contributions = new byte[worldSize][];
    private ControlMessageKind _kind;
    private int _count;
    private byte[]? _brokenError;

    /// <summary>Rank <paramref name="rank"/> enters collective <paramref name="kind"/>; gives the answers to send now.</summary>
    public IReadOnlyList<Answer> Enter(int rank, ControlMessageKind kind, byte[] contribution)
    {
        if (_brokenError is not null) return [new Answer(rank, ControlMessageKind.Error, _brokenError)];
        if (_contributions[rank] is not null)
            return Break(WorkerExitCodes.ProtocolMismatch, $"rank {rank} entered {kind} before its previous {_kind} was answered", rank);
        if (_count > 0 && _kind != kind)
            return Break(WorkerExitCodes.ProtocolMismatch, $"rank {rank} entered {kind} while ranks [{string.Join(", ", Waiting())}] are in {_kind}", rank);
        _kind = kind;
        _contributions[rank] = contribution;
        if (++_count < worldSize) return [];
        var (answerKind, body) = kind == ControlMessageKind.AllGather
            ? (ControlMessageKind.AllGatherResult, ControlBodies.AllGatherResult(_contributions!))
            : (ControlMessageKind.BarrierReleased, []);
        var answers = new Answer[worldSize];
        for (int r = 0; r < worldSize; r++) answers[r] = new Answer(r, answerKind, body);
        Array.Clear(_contributions);
        _count = 0;
        return answers;
    }

    /// <summary>Breaks the collectives for good (the first reason stays); gives the Errors for every rank waiting and for <paramref name="alsoRank"/>.</summary>
    public IReadOnlyList<Answer> Break(int exitCode, string message, int alsoRank = -1)
    {
        _brokenError ??= ControlBodies.ExitCodeAndMessage(exitCode, message);
        var answers = Waiting().Select(r => new Answer(r, ControlMessageKind.Error, _brokenError)).ToList();
        if (alsoRank >= 0 && _contributions[alsoRank] is null) answers.Add(new Answer(alsoRank, ControlMessageKind.Error, _brokenError));
        Array.Clear(_contributions);
        _count = 0;
        return answers;
    }

    private IEnumerable<int> Waiting() => Enumerable.Range(0, worldSize).Where(r => _contributions[r] is not null);

    /// <summary>A message to send to one rank.</summary>
    public readonly record struct Answer(int Rank, ControlMessageKind Kind, byte[] Body);
}
