namespace BigDL.DataSets;

/// <summary>An image file of an <see cref="ImageFolder"/> and its 0-based label (the index of its class folder).</summary>
/// <param name="Path">The file.</param>
/// <param name="Label">The 0-based class index.</param>
public sealed record ImageFile(string Path, int Label);
