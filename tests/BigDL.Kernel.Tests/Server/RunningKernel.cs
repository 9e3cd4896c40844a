using BigDL.Kernel.Protocol;
using BigDL.Kernel.Server;

namespace BigDL.Kernel.Tests.Server;

/// <summary>A <see cref="KernelServer"/> on free local ports around a <see cref="ScriptedSession"/>, with a ready client.</summary>
internal sealed class RunningKernel : IDisposable
{
    public const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";

    private readonly StringWriter log = new();
    private readonly TextWriter syncLog;

    public RunningKernel()
    {
        syncLog = TextWriter.Synchronized(log); // its writes lock the writer itself, so Log can read under the same lock
        Server = new KernelServer(new ConnectionInfo("tcp", "127.0.0.1", 0, 0, 0, 0, 0, Key, ConnectionInfo.HmacSha256), Session, syncLog);
        Server.Start();
        Client = new KernelClient(Server.Connection);
        Client.WaitForReady();
    }

    public ScriptedSession Session { get; } = new();

    public KernelServer Server { get; }

    public KernelClient Client { get; }

    /// <summary>What the kernel logged so far.</summary>
    public string Log
    {
        get
        {
            lock (syncLog)
                return log.ToString();
        }
    }

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
