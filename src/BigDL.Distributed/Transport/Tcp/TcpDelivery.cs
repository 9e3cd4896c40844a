namespace BigDL.Distributed.Transport.Tcp;

/// <summary>What a link's read loop hands the transport: a frame, or the <see cref="Failure"/> that ended the link (then not null).</summary>
internal readonly record struct TcpDelivery(Frame Frame, Exception? Failure);
