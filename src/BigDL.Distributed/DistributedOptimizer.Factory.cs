using System.Globalization;
using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;

namespace BigDL.Distributed;

/// <summary>Makes distributed optimizers: BigDL's <c>DistriOptimizer</c>, synchronous SGD over ranks with sliced parameters.</summary>
public static class DistributedOptimizer
{
    /// <summary>
    /// A distributed optimizer whose <paramref name="ranks"/> run as tasks of this process, linked by an in-memory
    /// transport, each on <paramref name="coresPerRank"/> model replicas: the same algorithm and frames as between
    /// processes, for tests and debugging. Configure it as the local optimizer (<c>SetOptimMethod</c>, <c>SetEndWhen</c>, …).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="ranks"/> or <paramref name="coresPerRank"/> is below 1.</exception>
    public static DistributedOptimizer<T> InProcess<T>(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion,
        int ranks, int coresPerRank = 1, WireCompression compression = WireCompression.None) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ranks < 1)
            throw new ArgumentOutOfRangeException(nameof(ranks), ranks, string.Create(CultureInfo.InvariantCulture, $"expected ranks >= 1, got {ranks}"));
        if (coresPerRank < 1)
            throw new ArgumentOutOfRangeException(nameof(coresPerRank), coresPerRank, string.Create(CultureInfo.InvariantCulture, $"expected coresPerRank >= 1, got {coresPerRank}"));
        return new DistributedOptimizer<T>(model, dataset, criterion, ranks, coresPerRank, compression);
    }

    /// <summary>
    /// A distributed optimizer on <paramref name="workers"/> worker processes of this machine, each with
    /// <paramref name="coresPerWorker"/> model replicas, linked by TCP (like Spark's <c>local-cluster</c>): the same
    /// numbers as <see cref="InProcess{T}"/> with as many ranks, with segments, retries after a worker fails, and
    /// checkpoints. Configure it as the local optimizer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> or <paramref name="coresPerWorker"/> is below 1.</exception>
    public static Cluster.LocalClusterOptimizer<T> LocalCluster<T>(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion,
        int workers, int coresPerWorker = 1, WireCompression compression = WireCompression.None) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (workers < 1)
            throw new ArgumentOutOfRangeException(nameof(workers), workers, string.Create(CultureInfo.InvariantCulture, $"expected workers >= 1, got {workers}"));
        if (coresPerWorker < 1)
            throw new ArgumentOutOfRangeException(nameof(coresPerWorker), coresPerWorker, string.Create(CultureInfo.InvariantCulture, $"expected coresPerWorker >= 1, got {coresPerWorker}"));
        return new Cluster.LocalClusterOptimizer<T>(model, dataset, criterion, workers, coresPerWorker, compression);
    }
}
