namespace BigDL.Tensors.Kernels;

/// <summary>
/// How to cover same-shaped tensors with runs: dimensions that are contiguous for every operand are merged,
/// size-1 dimensions dropped, and what is left is a run length, an inner stride per operand, and outer
/// dimensions walked with a counter (BigDL's DenseTensorApply idea, with whole runs handed to span kernels).
/// </summary>
internal sealed class RunLayout
{
    private readonly int[] _outerSizes;      // outermost first
    private readonly int[][] _outerStrides;  // [operand][outer dim]

    public RunLayout(ReadOnlySpan<int> sizes, params (int Offset, int[] Strides)[] operands)
    {
        int k = operands.Length;
        var groupSizes = new List<int>();
        var groupStrides = new List<int[]>();
        for (int d = sizes.Length - 1; d >= 0; d--)
        {
            if (sizes[d] == 1) continue;
            var st = new int[k];
            for (int o = 0; o < k; o++) st[o] = operands[o].Strides[d];
            int last = groupSizes.Count - 1;
            if (last >= 0 && Merges(groupSizes[last], groupStrides[last], st))
            {
                groupSizes[last] *= sizes[d];
                continue;
            }
            groupSizes.Add(sizes[d]);
            groupStrides.Add(st);
        }
        Count = Shape.ElementCount(sizes);
        Offsets = new int[k];
        for (int o = 0; o < k; o++) Offsets[o] = operands[o].Offset;
        if (groupSizes.Count == 0)
        {
            RunLength = Count == 0 ? 0 : 1;
            InnerStrides = new int[k];
            _outerSizes = [];
            _outerStrides = [.. Enumerable.Repeat(Array.Empty<int>(), k)];
            return;
        }
        RunLength = groupSizes[0];
        InnerStrides = groupStrides[0];
        int outer = groupSizes.Count - 1;
        _outerSizes = new int[outer];
        _outerStrides = new int[k][];
        for (int o = 0; o < k; o++) _outerStrides[o] = new int[outer];
        for (int g = 1; g <= outer; g++)
        {
            _outerSizes[outer - g] = groupSizes[g];
            for (int o = 0; o < k; o++) _outerStrides[o][outer - g] = groupStrides[g][o];
        }
    }

    /// <summary>Total number of elements.</summary>
    public int Count { get; }

    /// <summary>Elements per run.</summary>
    public int RunLength { get; }

    /// <summary>Number of runs.</summary>
    public int RunCount => RunLength == 0 ? 0 : Count / RunLength;

    /// <summary>Per operand, the stride between consecutive elements of a run.</summary>
    public int[] InnerStrides { get; }

    /// <summary>Per operand, the storage offset of the first element.</summary>
    public int[] Offsets { get; }

    /// <summary>True when every operand's runs are dense (inner stride 1).</summary>
    public bool Dense
    {
        get
        {
            foreach (int s in InnerStrides) if (s != 1) return false;
            return true;
        }
    }

    /// <summary>Writes into <paramref name="offsets"/> the start offset of run <paramref name="run"/> for each operand.</summary>
    public void RunStart(int run, Span<int> offsets)
    {
        for (int o = 0; o < Offsets.Length; o++) offsets[o] = Offsets[o];
        for (int d = _outerSizes.Length - 1; d >= 0 && run > 0; d--)
        {
            int i = run % _outerSizes[d];
            run /= _outerSizes[d];
            for (int o = 0; o < offsets.Length; o++) offsets[o] += i * _outerStrides[o][d];
        }
    }

    /// <summary>Advances <paramref name="offsets"/> from one run's start to the next one's, given the counter.</summary>
    public void Advance(Span<int> counter, Span<int> offsets)
    {
        for (int d = _outerSizes.Length - 1; d >= 0; d--)
        {
            counter[d]++;
            for (int o = 0; o < offsets.Length; o++) offsets[o] += _outerStrides[o][d];
            if (counter[d] < _outerSizes[d]) return;
            for (int o = 0; o < offsets.Length; o++) offsets[o] -= counter[d] * _outerStrides[o][d];
            counter[d] = 0;
        }
    }

    /// <summary>Sets <paramref name="counter"/> to the outer index of run <paramref name="run"/>.</summary>
    public void CounterOf(int run, Span<int> counter)
    {
        for (int d = _outerSizes.Length - 1; d >= 0; d--)
        {
            counter[d] = run % _outerSizes[d];
            run /= _outerSizes[d];
        }
    }

    /// <summary>Number of outer dimensions (length of a counter).</summary>
    public int OuterDims => _outerSizes.Length;

    private static bool Merges(int innerSize, int[] innerStrides, int[] outerStrides)
    {
        for (int o = 0; o < innerStrides.Length; o++)
            if (outerStrides[o] != innerStrides[o] * innerSize) return false;
        return true;
    }
}
