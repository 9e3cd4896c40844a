using System.Globalization;
using System.Net;

namespace BigDL.Visualization;

/// <summary>
/// Appends TensorFlow events to a new event file in a directory, as BigDL's <c>EventWriter</c>/<c>FileWriter</c>: the
/// file is named <c>events.out.tfevents.&lt;unix seconds&gt;.&lt;host name&gt;</c> as TensorFlow names it, and starts
/// with an event holding <c>file_version</c> "brain.Event:2".
/// </summary>
/// <remarks>
/// Writes are synchronous and safe from any thread: a call encodes its record (about 40 bytes for a scalar), takes a
/// lock and hands the record to the operating system in one unbuffered write, so a reader such as TensorBoard sees
/// every event as soon as the call returns and never half of one written by this process. BigDL queued events for a
/// background thread instead; at a few scalars per iteration the direct write costs microseconds, and its errors
/// surface at the call that caused them. <see cref="Flush"/> and <see cref="Dispose"/> make the file durable on disk.
/// When a file of the same name exists (two writers started in the same second), a suffix <c>.1</c>, <c>.2</c> …
/// is appended rather than overwriting it.
/// </remarks>
internal sealed class EventWriter : IDisposable
{
    private const string FilePrefix = "events.out.tfevents.";

    private readonly object _gate = new();
    private readonly FileStream _stream;
    private long _written;
    private bool _disposed;

    /// <summary>Creates <paramref name="directory"/> if needed and a new event file in it.</summary>
    public EventWriter(string directory) : this(directory, DateTimeOffset.UtcNow.ToUnixTimeSeconds())
    {
    }

    /// <summary>As the public constructor, with the creation time in the file name given (for tests of name clashes).</summary>
    internal EventWriter(string directory, long unixSeconds)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        _stream = CreateFile(directory, unixSeconds, HostName());
        FilePath = _stream.Name;
        Write(new TensorFlowEvent(NowInSeconds(), 0, TensorFlowEvent.CurrentFileVersion, null));
    }

    /// <summary>The event file's full path.</summary>
    public string FilePath { get; }

    /// <summary>
    /// The bytes of whole records written so far: a length up to which the file can be read while other threads
    /// keep writing.
    /// </summary>
    public long BytesWritten
    {
        get
        {
            lock (_gate) return _written;
        }
    }

    /// <summary>Appends a scalar event stamped with the current time (BigDL's <c>FileWriter.addSummary</c>).</summary>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void AddScalar(string tag, float value, long step) =>
        Write(TensorFlowEvent.Scalar(NowInSeconds(), step, tag, value));

    /// <summary>Makes every event written so far durable on disk.</summary>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Flush()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Flushes the file to disk and closes it; later calls do nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            try
            {
                _stream.Flush(flushToDisk: true);
            }
            finally
            {
                _stream.Dispose();
            }
        }
    }

    /// <summary>Seconds since the Unix epoch, TensorFlow's <c>wall_time</c>.</summary>
    internal static double NowInSeconds() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;

    /// <summary>TensorFlow's event file name for a file created at <paramref name="unixSeconds"/> on a host.</summary>
    internal static string FileName(long unixSeconds, string hostName) =>
        FilePrefix + unixSeconds.ToString("D10", CultureInfo.InvariantCulture) + "." + hostName;

    private void Write(TensorFlowEvent e)
    {
        byte[] record = TFRecord.Frame(EventCodec.Encode(e));
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _stream.Write(record);
            _written += record.Length;
        }
    }

    private static FileStream CreateFile(string directory, long unixSeconds, string hostName)
    {
        string basePath = Path.Combine(directory, FileName(unixSeconds, hostName));
        for (int suffix = 0; ; suffix++)
        {
            string path = suffix == 0 ? basePath : basePath + "." + suffix.ToString(CultureInfo.InvariantCulture);
            if (File.Exists(path)) continue;
            try
            {
                // bufferSize 0: each record goes to the OS in the single write that Write makes.
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another writer created it between the check and the open: try the next suffix.
            }
        }
    }

    /// <summary>The host name for file names (TensorFlow's <c>port::Hostname</c>), made safe as a file name.</summary>
    internal static string HostName()
    {
        string name = Dns.GetHostName();
        foreach (char c in Path.GetInvalidFileNameChars())
            name = name.Replace(c, '_');
        return name.Length > 0 ? name : "localhost";
    }
}
