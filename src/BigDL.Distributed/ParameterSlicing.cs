using System.Globalization;

namespace BigDL.Distributed;

/// <summary>
/// The flat parameter vector of <see cref="ParameterCount"/> values cut into <see cref="SliceCount"/> contiguous slices,
/// one per rank: slice i starts at i·⌊P/N⌋ + min(i, P mod N), so the first P mod N slices hold one value more. With
/// fewer values than slices the last slices are empty.
/// </summary>
/// <remarks>BigDL's <c>AllReduceParameter</c> partitioning (its <c>taskSize</c>/<c>extraSize</c>), 0-based.</remarks>
public sealed class ParameterSlicing
{
    private readonly int _baseLength;
    private readonly int _extra;

    /// <summary>Slices of <paramref name="parameterCount"/> values over <paramref name="sliceCount"/> ranks.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is negative or <paramref name="sliceCount"/> is below 1.</exception>
    public ParameterSlicing(int parameterCount, int sliceCount)
    {
        if (parameterCount < 0)
            throw new ArgumentOutOfRangeException(nameof(parameterCount), parameterCount, string.Create(CultureInfo.InvariantCulture, $"expected parameterCount >= 0, got {parameterCount}"));
        if (sliceCount < 1)
            throw new ArgumentOutOfRangeException(nameof(sliceCount), sliceCount, string.Create(CultureInfo.InvariantCulture, $"expected sliceCount >= 1, got {sliceCount}"));
        ParameterCount = parameterCount;
        SliceCount = sliceCount;
        _baseLength = parameterCount / sliceCount;
        _extra = parameterCount % sliceCount;
    }

    /// <summary>P, the number of values sliced.</summary>
    public int ParameterCount { get; }

    /// <summary>N, the number of slices (ranks).</summary>
    public int SliceCount { get; }

    /// <summary>The largest slice's length: ⌈P/N⌉.</summary>
    public int MaxLength => _baseLength + (_extra > 0 ? 1 : 0);

    /// <summary>Where slice <paramref name="slice"/> starts in the flat vector and how many values it holds.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slice"/> is outside [0, N).</exception>
    public (int Offset, int Length) this[int slice]
    {
        get
        {
            if ((uint)slice >= (uint)SliceCount)
                throw new ArgumentOutOfRangeException(nameof(slice), slice, string.Create(CultureInfo.InvariantCulture, $"expected a slice in [0, {SliceCount}), got {slice}"));
            return (slice * _baseLength + Math.Min(slice, _extra), _baseLength + (slice < _extra ? 1 : 0));
        }
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"ParameterSlicing({ParameterCount} values / {SliceCount} slices)");
}
