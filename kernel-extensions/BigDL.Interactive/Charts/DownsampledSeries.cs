namespace BigDL.Interactive.Charts;

/// <summary>
/// A growing curve kept to a bounded number of points: consecutive points fall into buckets of equal count, and each
/// bucket keeps only its lowest and highest point, so spikes survive while a long run draws at most
/// 2 × <see cref="MaxBuckets"/> points (plus the latest, so the curve ends where training is). When the buckets run out, neighbours merge and the bucket size doubles
/// (amortised constant time per point). Non-finite values (a diverged loss) are not plotted.
/// </summary>
internal sealed class DownsampledSeries
{
    private readonly List<Bucket> _buckets = [];
    private int _bucketSize = 1;
    private (double X, double Y) _last;

    /// <summary>A series of at most 2 × <paramref name="maxBuckets"/> points.</summary>
    public DownsampledSeries(int maxBuckets = 250)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBuckets, 2);
        MaxBuckets = maxBuckets;
    }

    /// <summary>The number of buckets kept before neighbours merge.</summary>
    public int MaxBuckets { get; }

    /// <summary>Adds the point (<paramref name="x"/>, <paramref name="y"/>); points come in increasing x.</summary>
    public void Add(double x, double y)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        _last = (x, y);
        var point = Bucket.Of(x, y);
        if (_buckets.Count > 0 && _buckets[^1].Count < _bucketSize) _buckets[^1] = _buckets[^1].With(point);
        else _buckets.Add(point);
        if (_buckets.Count > MaxBuckets) MergeNeighbours();
    }

    /// <summary>The points to draw, in increasing x: each bucket's lowest and highest (one when they coincide), then the latest.</summary>
    public IReadOnlyList<(double X, double Y)> Points()
    {
        var points = new List<(double X, double Y)>(_buckets.Count * 2);
        foreach (var bucket in _buckets)
        {
            var (first, second) = bucket.Low.X <= bucket.High.X ? (bucket.Low, bucket.High) : (bucket.High, bucket.Low);
            points.Add(first);
            if (second != first) points.Add(second);
        }
        if (points.Count > 0 && points[^1] != _last) points.Add(_last);
        return points;
    }

    private void MergeNeighbours()
    {
        int merged = 0;
        for (int i = 0; i < _buckets.Count; i += 2)
            _buckets[merged++] = i + 1 < _buckets.Count ? _buckets[i].With(_buckets[i + 1]) : _buckets[i];
        _buckets.RemoveRange(merged, _buckets.Count - merged);
        _bucketSize *= 2;
    }

    private readonly record struct Bucket((double X, double Y) Low, (double X, double Y) High, int Count)
    {
        public static Bucket Of(double x, double y) => new((x, y), (x, y), 1);

        public Bucket With(Bucket other)
            => new(other.Low.Y < Low.Y ? other.Low : Low, other.High.Y > High.Y ? other.High : High, Count + other.Count);
    }
}
