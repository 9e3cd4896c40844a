namespace BigDL.Kernel.Protocol;

/// <summary>Frames that are not a well-formed, correctly signed Jupyter message; the kernel drops them.</summary>
internal sealed class InvalidMessageException(string message, Exception? inner = null) : Exception(message, inner);
