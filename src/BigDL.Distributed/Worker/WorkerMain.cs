using System.Globalization;
using System.Net;
using BigDL.Distributed.Control;
using BigDL.Distributed.Jobs;

namespace BigDL.Distributed.Worker;

/// <summary>
/// The worker process (<c>bigdl-worker</c>, also <c>bigdl worker</c>), the same in every mode: started with the
/// driver's control endpoint and the job's token, it learns its rank, world size and job spec through the control
/// plane, reads its shares of the training data on stdin and trains one segment with its peers. It never knows what
/// launched it. It exits with a <see cref="WorkerExitCodes"/> code, and on its own when the control connection closes.
/// </summary>
public static class WorkerMain
{
    /// <summary>The environment variable that carries the job's token in hex when <c>--token</c> is not given (keeps it out of process listings).</summary>
    public const string TokenVariable = "BIGDL_WORKER_TOKEN";

    /// <summary>How long a worker whose control connection closed may take to stop before it exits regardless.</summary>
    private static readonly TimeSpan AbortGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs a worker: <c>--ctrl HOST:PORT [--token HEX] [--mesh-address IP]</c>; returns the process's exit code. The
    /// mesh address, where the peers reach this worker, defaults to the address its control connection leaves from
    /// (right when the driver is on another host; a launcher on the same host passes the host's address).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IPEndPoint control;
        byte[] token;
        IPAddress? mesh;
        try
        {
            (control, token, mesh) = Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"bigdl worker: {e.Message}\nusage: bigdl worker --ctrl HOST:PORT [--token HEX] [--mesh-address IP] (the token may be in {TokenVariable})").ConfigureAwait(false);
            return WorkerExitCodes.JobError;
        }

        ControlClient client;
        try
        {
            client = await ControlClient.ConnectAsync(control, token).ConfigureAwait(false);
        }
        catch (ControlException e)
        {
            await Console.Error.WriteLineAsync($"bigdl worker: the driver at {control} refused this worker: {e.Message}").ConfigureAwait(false);
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            await Console.Error.WriteLineAsync($"bigdl worker: no control connection to {control}: {e.Message}").ConfigureAwait(false);
            return WorkerExitCodes.PeerLost;
        }
        await using (client.ConfigureAwait(false))
        {
            // A worker whose driver is gone must not linger: stop, and exit regardless after a grace period.
            using var exitWhenOrphaned = client.Aborted.Register(() => _ = Task.Delay(AbortGrace).ContinueWith(_ => Environment.Exit(WorkerExitCodes.PeerLost), TaskScheduler.Default));
            int code = await TrainAsync(client, token, mesh ?? client.LocalEndPoint.Address).ConfigureAwait(false);
            return code;
        }
    }

    private static async Task<int> TrainAsync(ControlClient client, byte[] token, IPAddress mesh)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"rank {client.Task.Rank} of {client.Task.WorldSize} (job {client.Task.JobId}, attempt {client.Task.Attempt})");
        try
        {
            byte[] spec = client.JobSpec.ToArray();
            using var stdin = Console.OpenStandardInput();
            if (JobSpecElementType.IsDouble(spec))
                await WorkerSegment.RunAsync(client, token, mesh, Decode<double>(spec), stdin, client.Aborted).ConfigureAwait(false);
            else
                await WorkerSegment.RunAsync(client, token, mesh, Decode<float>(spec), stdin, client.Aborted).ConfigureAwait(false);
            return WorkerExitCodes.Ok;
        }
        catch (ControlException failure)
        {
            return await FailAsync(client, failure.ExitCode, $"{where}: {failure.Message}").ConfigureAwait(false);
        }
        catch (SegmentFailure failure)
        {
            return await FailAsync(client, failure.ExitCode, $"{where}: {failure.Message}").ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (client.Aborted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"bigdl worker {where}: stopped, the driver aborted or went away").ConfigureAwait(false);
            return WorkerExitCodes.PeerLost;
        }
        catch (Exception e)
        {
            return await FailAsync(client, WorkerExitCodes.JobError, $"{where}: {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
        }
    }

    private static JobSpec<T> Decode<T>(byte[] spec) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        try
        {
            return JobSpec<T>.Decode(spec);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentException)
        {
            throw new SegmentFailure(WorkerExitCodes.JobError, $"the job spec cannot be used: {e.Message}", e);
        }
    }

    private static async Task<int> FailAsync(ControlClient client, int code, string message)
    {
        await Console.Error.WriteLineAsync($"bigdl worker {message}").ConfigureAwait(false);
        try
        {
            using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.SendFailureAsync(code, message, quick.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // the driver is gone; the exit code still says what happened
        }
        return code;
    }

    private static (IPEndPoint Control, byte[] Token, IPAddress? Mesh) Parse(string[] args)
    {
        string? control = null, token = Environment.GetEnvironmentVariable(TokenVariable), mesh = null;
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--ctrl": control = value; i++; break;
                case "--token": token = value; i++; break;
                case "--mesh-address": mesh = value; i++; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        if (control is null) throw new ArgumentException("--ctrl HOST:PORT is required");
        if (!IPEndPoint.TryParse(control, out var endpoint) || endpoint.Port == 0)
            throw new ArgumentException($"--ctrl expects HOST:PORT with an IP address, got '{control}'");
        if (string.IsNullOrEmpty(token)) throw new ArgumentException($"no token: pass --token HEX or set {TokenVariable}");
        IPAddress? meshAddress = null;
        if (mesh is not null && !IPAddress.TryParse(mesh, out meshAddress)) throw new ArgumentException($"--mesh-address expects an IP address, got '{mesh}'");
        try
        {
            return (endpoint, Convert.FromHexString(token), meshAddress);
        }
        catch (FormatException)
        {
            throw new ArgumentException("the token must be hexadecimal");
        }
    }
}
