namespace BigDL.Distributed.Transport;

/// <summary>A frame received from a peer: its header and its payload, which the receiver owns.</summary>
/// <param name="Header">What the frame says about itself.</param>
/// <param name="Payload">The encoded values (<see cref="FrameHeader.DType"/>), or the scalars; empty for some types.</param>
public readonly record struct Frame(FrameHeader Header, ReadOnlyMemory<byte> Payload);
