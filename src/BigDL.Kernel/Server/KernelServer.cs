using BigDL.Kernel.Execution;
using BigDL.Kernel.Protocol;
using BigDL.Kernel.Protocol.Messages;
using BigDL.Kernel.Server.Handlers;

namespace BigDL.Kernel.Server;

/// <summary>
/// A Jupyter kernel around one <see cref="ICodeSession"/>: binds the sockets of a connection file, serves shell
/// requests on one thread and control requests on another (so an interrupt or a shutdown is served while a cell
/// runs), and publishes outputs and status on iopub. Messages with a bad signature are dropped and logged; nothing
/// the session throws stops the kernel.
/// </summary>
internal sealed class KernelServer : IDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly KernelSockets sockets;
    private readonly KernelMessenger messenger;
    private readonly RunningCell running = new();
    private readonly RequestWorker shell;
    private readonly RequestWorker control;
    private readonly ManualResetEventSlim shutdownRequested = new();
    private bool disposed;

    /// <summary>Binds the sockets of <paramref name="connection"/> (ports of 0 to free ports); <see cref="Start"/> serves.</summary>
    /// <param name="connection">Where to listen and the signing key.</param>
    /// <param name="session">The language session the requests are served by.</param>
    /// <param name="log">Where dropped messages and failures are reported (standard error in the tool).</param>
    public KernelServer(ConnectionInfo connection, ICodeSession session, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(log);
        TextWriter safeLog = TextWriter.Synchronized(log);
        sockets = new KernelSockets(connection, safeLog);
        messenger = new KernelMessenger(sockets);
        var history = new ExecutionHistory();
        var execute = new ExecuteHandler(session, messenger, history, running);
        var kernelInfo = new KernelInfoHandler(messenger);
        var shutdown = new ShutdownHandler(messenger, shutdownRequested.Set);
        IRequestHandler[] shellHandlers =
        [
            kernelInfo, execute, shutdown,
            new CompleteHandler(session, messenger),
            new InspectHandler(session, messenger),
            new IsCompleteHandler(session, messenger),
            new HistoryHandler(history, messenger),
            new CommInfoHandler(messenger),
            new CommOpenHandler(messenger, safeLog),
        ];
        IRequestHandler[] controlHandlers = [kernelInfo, shutdown, new InterruptHandler(running, messenger)];
        shell = new RequestWorker("jupyter-shell", new RequestDispatcher(shellHandlers, messenger, safeLog).Dispatch,
            execute.QueueDrained, safeLog);
        control = new RequestWorker("jupyter-control", new RequestDispatcher(controlHandlers, messenger, safeLog).Dispatch,
            () => { }, safeLog);
    }

    /// <summary>The connection with the ports actually bound (what a connection file for clients must hold).</summary>
    public ConnectionInfo Connection => sockets.Connection;

    /// <summary>Shell requests received and waiting behind the one being served.</summary>
    internal int PendingShellRequests => shell.Pending;

    /// <summary>Starts serving and publishes <c>starting</c>.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        shell.Start();
        control.Start();
        sockets.Start(Route);
        messenger.Publish("status", KernelStatus.Starting, null);
    }

    /// <summary>Blocks until a client asks for a shutdown.</summary>
    public void WaitForShutdown() => shutdownRequested.Wait();

    /// <summary>Blocks until a client asks for a shutdown or <paramref name="timeout"/> passes; true on shutdown.</summary>
    public bool WaitForShutdown(TimeSpan timeout) => shutdownRequested.Wait(timeout);

    /// <summary>Interrupts the running cell, stops the threads (waiting a little for a cell that ignores the interrupt),
    /// sends what is queued and closes the sockets.</summary>
    public void Dispose()
    {
        if (disposed)
            return;
        disposed = true;
        running.Cancel();
        shell.Stop(StopGrace);
        control.Stop(StopGrace);
        sockets.Dispose();
        shell.Dispose();
        control.Dispose();
        shutdownRequested.Dispose();
    }

    private void Route(Request request) => (request.Channel == KernelChannel.Control ? control : shell).Post(request);
}
