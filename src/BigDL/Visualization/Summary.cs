namespace BigDL.Visualization;

/// <summary>
/// A TensorBoard log of scalars for one stage of training, written as TensorFlow event files that
/// <c>tensorboard --logdir</c> reads: BigDL's <c>com.intel.analytics.bigdl.visualization.Summary</c>, the base of
/// <see cref="TrainSummary"/> and <see cref="ValidationSummary"/>.
/// </summary>
/// <remarks>
/// Each instance writes one new event file in <see cref="Folder"/> (<c>logDir/appName/train</c> or
/// <c>…/validation</c>), so runs of the same application side by side are never overwritten, and
/// <see cref="ReadScalar"/> reads every event file in the folder, as BigDL does. Every method may be called from any
/// thread; <see cref="AddScalar"/> writes through to the operating system before it returns, so TensorBoard sees the
/// value at once, and <see cref="ReadScalar"/> reads while training goes on without holding up <see cref="AddScalar"/>.
/// </remarks>
public abstract class Summary : IDisposable
{
    private readonly object _gate = new();
    private readonly EventWriter _writer;
    private bool _closed;

    private protected Summary(string logDir, string appName, string stage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(appName);
        if (Path.IsPathRooted(appName))
            throw new ArgumentException($"appName must be a name relative to logDir, got the rooted path '{appName}'", nameof(appName));
        if (File.Exists(logDir))
            throw new ArgumentException($"logDir must be a directory, but '{logDir}' is a file", nameof(logDir));
        LogDir = logDir;
        AppName = appName;
        Folder = Path.Combine(logDir, appName, stage);
        _writer = new EventWriter(Folder);
    }

    /// <summary>The log directory given to the constructor.</summary>
    public string LogDir { get; }

    /// <summary>The application name given to the constructor.</summary>
    public string AppName { get; }

    /// <summary>The directory the event files go to: <c>logDir/appName/train</c> or <c>logDir/appName/validation</c>.</summary>
    public string Folder { get; }

    /// <summary>
    /// Records <paramref name="value"/> under <paramref name="tag"/> at <paramref name="step"/> (the iteration),
    /// stamped with the current time: BigDL's <c>addScalar</c>.
    /// </summary>
    /// <param name="tag">The series name TensorBoard plots, e.g. "Loss".</param>
    /// <param name="value">The value; stored as a 32-bit float (TensorFlow's <c>simple_value</c>), NaN and infinities included.</param>
    /// <param name="step">The x coordinate, usually the iteration number.</param>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is null or empty.</exception>
    /// <exception cref="ObjectDisposedException">The summary was closed.</exception>
    public void AddScalar(string tag, double value, long step)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closed, this);
            _writer.AddScalar(tag, (float)value, step);
        }
    }

    /// <summary>
    /// Every scalar recorded under <paramref name="tag"/> in <see cref="Folder"/>, by this instance and by earlier
    /// ones, as (step, value, wall-clock seconds since the Unix epoch) in step order: BigDL's <c>readScalar</c>.
    /// Works after <see cref="Close"/> too.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="tag"/> is null or empty.</exception>
    /// <exception cref="InvalidDataException">An event file in the folder is truncated or corrupt; the message names
    /// the file and the byte offset of the bad record.</exception>
    public (long Step, float Value, double WallTime)[] ReadScalar(string tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        // This instance's own file is read up to the records complete now: no lock is held while reading, so a
        // training thread's AddScalar never waits for a reader, and a record half-way through its write is not met.
        return EventReader.ReadScalars(Folder, tag, (_writer.FilePath, _writer.BytesWritten));
    }

    /// <summary>Flushes the event file to disk and closes it (BigDL's <c>close</c>); the same as <see cref="Dispose"/>.</summary>
    public void Close() => Dispose();

    /// <summary>Flushes the event file to disk and closes it; later calls do nothing.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _closed = true;
            _writer.Dispose();
        }
    }
}
