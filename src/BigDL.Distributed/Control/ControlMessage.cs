namespace BigDL.Distributed.Control;

/// <summary>One control message as read from the connection: its kind byte (possibly one this version does not know) and its body.</summary>
internal readonly record struct ControlMessage(ControlMessageKind Kind, byte[] Body);
