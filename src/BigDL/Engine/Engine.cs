namespace BigDL;

/// <summary>
/// Process-wide compute configuration: how many cores element-wise kernels and BLAS may use.
/// </summary>
/// <remarks>
/// BigDL's <c>Engine</c>. The core number defaults to <see cref="Environment.ProcessorCount"/>. The Engine owns the
/// parallelism: kernels split their work with <see cref="For"/>, and BLAS providers run on the calling thread (the
/// seam splits large GEMMs over the cores itself). Lives in namespace <c>BigDL</c> as BigDL's does.
/// </remarks>
public static class Engine
{
    private static int _coreNumber = Environment.ProcessorCount;
    private static WorkerPool? _pool;

    /// <summary>Whether the calling thread runs inside a parallel region of <see cref="For"/> (nested loops run inline).</summary>
    internal static bool OnWorker => WorkerPool.OnWorker;

    /// <summary>Number of cores this process computes with.</summary>
    public static int CoreNumber => _coreNumber;

    /// <summary>Number of nodes (processes) training together; 1 on one machine.</summary>
    public static int NodeNumber { get; private set; } = 1;

    /// <summary>Whether the Engine was initialised to run on a Spark cluster.</summary>
    public static bool OnSpark { get; private set; }

    /// <summary>
    /// Configures the Engine as BigDL's <c>Engine.init(nodeNumber, coreNumber, onSpark)</c>: <paramref name="coreNumber"/>
    /// cores per node, <paramref name="nodeNumber"/> nodes. Without a call the Engine runs one node on every core of the
    /// machine (<see cref="Environment.ProcessorCount"/>). Calling it again reconfigures the Engine (the compute threads
    /// follow at the next parallel loop); do it between trainings, not during one.
    /// </summary>
    /// <returns>The configuration now in force.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A number is below 1.</exception>
    /// <exception cref="NotSupportedException"><paramref name="onSpark"/>: training on Spark comes with the Spark backend (not in this build yet).</exception>
    /// <remarks>
    /// With <paramref name="nodeNumber"/> above 1, <see cref="Optim.Optimizer.Create{T}"/> trains on that many worker
    /// processes of this machine with <paramref name="coreNumber"/> cores each (BigDL.Distributed's local cluster,
    /// like Spark's <c>local-cluster[N, cores, mem]</c>); this process, the driver, validates with <paramref name="coreNumber"/> cores.
    /// </remarks>
    public static EngineConfiguration Init(int nodeNumber, int coreNumber, bool onSpark = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(coreNumber, 1);
        if (onSpark)
            throw new NotSupportedException(
                $"Engine.Init(nodeNumber: {nodeNumber}, coreNumber: {coreNumber}, onSpark: true): training on Spark needs the Spark backend, " +
                "which this build does not have yet; use onSpark: false (nodeNumber > 1 trains on worker processes of this machine)");
        SetCoreNumber(coreNumber);
        NodeNumber = nodeNumber;
        OnSpark = onSpark;
        return Configuration;
    }

    /// <summary>The configuration in force.</summary>
    public static EngineConfiguration Configuration => new(NodeNumber, CoreNumber, OnSpark);

    /// <summary>Sets the number of cores for element-wise kernels and BLAS.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="coreNumber"/> is below 1.</exception>
    public static void SetCoreNumber(int coreNumber)
    {
        if (coreNumber < 1)
            throw new ArgumentOutOfRangeException(nameof(coreNumber), coreNumber, "coreNumber must be at least 1");
        _coreNumber = coreNumber;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 ≤ i &lt; <paramref name="count"/> on up to <see cref="CoreNumber"/> threads. Called
    /// from inside a worker (a nested loop), with one core or with one item, it runs inline on the calling thread, so
    /// parallelism is taken once, at the outermost level, and never oversubscribes the cores (BLAS calls made on a worker
    /// stay on its thread, as BigDL set MKL to one thread on its model threads).
    /// </summary>
    /// <remarks>An exception thrown by an item is rethrown as it was thrown (the first one, when several items fail).</remarks>
    internal static void For(int count, Action<int> body)
    {
        if (count <= 0) return;
        if (count == 1 || _coreNumber == 1 || OnWorker)
        {
            WorkerPool.Inline(count, body);
            return;
        }
        Pool().For(count, body);
    }

    /// <summary>
    /// Runs <paramref name="body"/>(start, length) over consecutive ranges covering [0, <paramref name="length"/>): a
    /// few ranges per core when there are at least <paramref name="minParallel"/> elements, else one range inline.
    /// </summary>
    internal static void ForRanges(int length, int minParallel, Action<int, int> body)
    {
        if (length < minParallel || _coreNumber == 1 || OnWorker)
        {
            if (length > 0) body(0, length);
            return;
        }
        int parts = Math.Min(_coreNumber * 4, Math.Max(1, length / 4096));
        For(parts, p =>
        {
            int start = (int)((long)length * p / parts), end = (int)((long)length * (p + 1) / parts);
            body(start, end - start);
        });
    }

    /// <summary>The pool for the current core number, replacing (and retiring) one made for another.</summary>
    private static WorkerPool Pool()
    {
        var pool = Volatile.Read(ref _pool);
        if (pool is not null && pool.Cores == _coreNumber) return pool;
        var fresh = new WorkerPool(_coreNumber);
        var previous = Interlocked.CompareExchange(ref _pool, fresh, pool);
        if (previous != pool)
        {
            fresh.Retire();
            return Pool();
        }
        pool?.Retire();
        return fresh;
    }
}
