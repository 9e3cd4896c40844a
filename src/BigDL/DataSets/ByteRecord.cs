namespace BigDL.DataSets;

/// <summary>A raw record as read from a file: its bytes and its 0-based label.</summary>
/// <remarks>BigDL's <c>ByteRecord</c> (whose labels were 1-based).</remarks>
/// <param name="Data">The record's bytes (e.g. 28·28 grey pixels, or 3·32·32 CIFAR planes).</param>
/// <param name="Label">The 0-based class index.</param>
public sealed record ByteRecord(byte[] Data, float Label);
