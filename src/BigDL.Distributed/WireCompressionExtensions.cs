using System.Numerics;
using BigDL.Distributed.Wire;

namespace BigDL.Distributed;

/// <summary>The wire encoding a <see cref="WireCompression"/> stands for.</summary>
internal static class WireCompressionExtensions
{
    /// <summary>The dtype values of type <typeparamref name="T"/> travel as under <paramref name="compression"/>.</summary>
    public static WireDType DTypeFor<T>(this WireCompression compression) where T : unmanaged, IFloatingPointIeee754<T> => compression switch
    {
        WireCompression.None => typeof(T) == typeof(double) ? WireDType.Float64 : WireDType.Float32,
        WireCompression.TruncatedFloat16 => WireDType.TruncatedFloat16,
        WireCompression.BFloat16 => WireDType.BFloat16,
        WireCompression.Float16 => WireDType.Float16,
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, $"expected a defined WireCompression ({string.Join(", ", Enum.GetNames<WireCompression>())}), got {(int)compression}"),
    };
}
