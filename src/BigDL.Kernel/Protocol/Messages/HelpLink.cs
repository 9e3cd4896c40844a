namespace BigDL.Kernel.Protocol.Messages;

/// <summary>One entry of <c>help_links</c> in <c>kernel_info_reply</c>.</summary>
internal sealed record HelpLink(string Text, string Url);
