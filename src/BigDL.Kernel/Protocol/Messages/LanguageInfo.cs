namespace BigDL.Kernel.Protocol.Messages;

/// <summary>The <c>language_info</c> of <c>kernel_info_reply</c>.</summary>
internal sealed record LanguageInfo(string Name, string Version, string Mimetype, string FileExtension, string PygmentsLexer);
