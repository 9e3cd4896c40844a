namespace BigDL.Distributed.Transport.Tcp;

/// <summary>Why a mesh handshake was refused.</summary>
public enum MeshRefusal : byte
{
    /// <summary>The other side does not speak the mesh protocol: wrong magic, or a malformed handshake record.</summary>
    Protocol = 1,

    /// <summary>The other side speaks another version of the protocol.</summary>
    Version = 2,

    /// <summary>The other side belongs to another job.</summary>
    JobId = 3,

    /// <summary>The other side belongs to another generation (attempt) of the job, such as a peer left over from an old one.</summary>
    Generation = 4,

    /// <summary>The other side's rank is out of range, already connected, or not one this side expects on this link.</summary>
    Rank = 5,

    /// <summary>The other side believes the job has another number of ranks.</summary>
    WorldSize = 6,

    /// <summary>The other side's proof of the job's token is wrong: it does not hold the same token.</summary>
    Token = 7,

    /// <summary>The other side closed the connection before the handshake was complete.</summary>
    Closed = 8,
}
