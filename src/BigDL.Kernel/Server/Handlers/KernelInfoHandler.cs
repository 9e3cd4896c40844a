using System.Reflection;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Protocol.Messages;

namespace BigDL.Kernel.Server.Handlers;

/// <summary><c>kernel_info_request</c>: the kernel's name and version, and .NET Interactive's C# <c>language_info</c>
/// (so notebooks move between the two kernels).</summary>
internal sealed class KernelInfoHandler(KernelMessenger messenger) : IRequestHandler
{
    /// <summary>The implementation name in <c>kernel_info_reply</c>.</summary>
    public const string Implementation = "bigdl-kernel";

    private static readonly KernelInfoReply Info = CreateInfo();

    /// <inheritdoc/>
    public string MessageType => "kernel_info_request";

    /// <inheritdoc/>
    public void Handle(Request request) => messenger.Reply(request, "kernel_info_reply", Info);

    private static KernelInfoReply CreateInfo()
    {
        string version = Version();
        return new KernelInfoReply(
            MessageHeader.ProtocolVersion,
            Implementation,
            version,
            new LanguageInfo("C#", "13.0", "text/x-csharp", ".cs", "csharp"),
            $"BigDL for .NET C# kernel {version} on .NET {Environment.Version}",
            [new HelpLink("C# documentation", "https://learn.microsoft.com/dotnet/csharp/")]);
    }

    private static string Version()
    {
        Assembly assembly = typeof(KernelInfoHandler).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational?.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "0.0.0";
    }
}
