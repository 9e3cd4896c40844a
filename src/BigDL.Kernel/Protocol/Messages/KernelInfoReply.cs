namespace BigDL.Kernel.Protocol.Messages;

/// <summary><c>kernel_info_reply</c>: who the kernel is and which language it runs.</summary>
internal sealed record KernelInfoReply(
    string ProtocolVersion,
    string Implementation,
    string ImplementationVersion,
    LanguageInfo LanguageInfo,
    string Banner,
    IReadOnlyList<HelpLink> HelpLinks,
    bool Debugger = false)
{
    /// <summary>Always <c>ok</c>.</summary>
    public string Status => "ok";
}
