namespace BigDL.DataSets;

/// <summary>The one shape of message for bad data files: the file, the byte offset, then what is wrong there.</summary>
internal static class DataFileError
{
    /// <summary>
    /// "path, byte offset N: problem" — for a gzip file, N counts bytes of its decompressed content, and the message
    /// says so.
    /// </summary>
    public static InvalidDataException At(string path, long offset, bool decompressed, string problem, Exception? inner = null) =>
        new($"{path}, byte offset {offset}{(decompressed ? " of its decompressed content" : "")}: {problem}", inner);
}
