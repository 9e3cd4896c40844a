namespace BigDL.DataSets;

/// <summary>
/// A file readable by position: <see cref="Path"/> holds the bytes, <see cref="Source"/> is the file the user named
/// (the same file, or the gzip file <see cref="Path"/> was decompressed from). Errors name the source.
/// </summary>
internal sealed record RawFile(string Source, string Path, bool Decompressed)
{
    /// <summary>An error at byte <paramref name="offset"/> of the (decompressed) content.</summary>
    public InvalidDataException Error(long offset, string problem) => DataFileError.At(Source, offset, Decompressed, problem);
}
