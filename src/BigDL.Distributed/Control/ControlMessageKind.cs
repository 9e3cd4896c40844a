namespace BigDL.Distributed.Control;

/// <summary>The kind byte of a control message (docs/distributed-protocol.md lists each body).</summary>
internal enum ControlMessageKind : byte
{
    /// <summary>Worker to driver, first: JSON {version, token, pid}.</summary>
    Hello = 1,

    /// <summary>Driver to worker, answering Hello: JSON {jobId, rank, worldSize, attempt}.</summary>
    TaskInfo = 2,

    /// <summary>Driver to worker, right after TaskInfo: the job spec's raw bytes.</summary>
    JobSpec = 3,

    /// <summary>Worker to driver: the worker's contribution's raw bytes.</summary>
    AllGather = 4,

    /// <summary>Driver to worker: every worker's contribution in rank order (u32 count, then u32 length and bytes each).</summary>
    AllGatherResult = 5,

    /// <summary>Worker to driver: empty.</summary>
    Barrier = 6,

    /// <summary>Driver to worker: empty.</summary>
    BarrierReleased = 7,

    /// <summary>Worker to driver: a JSON object.</summary>
    Progress = 8,

    /// <summary>Worker to driver: JSON {level, text}.</summary>
    Log = 9,

    /// <summary>Worker to driver: the worker's result's raw bytes.</summary>
    Result = 10,

    /// <summary>Worker to driver, before exiting on an error: JSON {exitCode, message}.</summary>
    Failure = 11,

    /// <summary>Driver to worker: JSON {reason}; the worker must stop.</summary>
    Abort = 12,

    /// <summary>Driver to worker: JSON {exitCode, message}; a refused Hello (then the connection closes) or a failed collective.</summary>
    Error = 13,

    /// <summary>Worker to driver, after its Result: the bytes of its validation results on one validation stream.</summary>
    Scores = 14,
}
