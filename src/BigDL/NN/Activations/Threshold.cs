using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Threshold: y = x where x > th, else v.</summary>
/// <remarks>BigDL/Torch <c>nn.Threshold</c> (PyTorch <c>nn.Threshold</c>). Any shape.</remarks>
/// <param name="th">Threshold (default 1e-6).</param>
/// <param name="v">Value below the threshold (default 0).</param>
/// <param name="ip">Whether the output overwrites the input.</param>
public sealed class Threshold<T>(double th = 1e-6, double v = 0, bool ip = false) : PointwiseModule<T>(ip) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _th = T.CreateTruncating(th);
    private readonly T _v = T.CreateTruncating(v);

    /// <summary>Threshold.</summary>
    public double Th { get; } = th;

    /// <summary>Value below the threshold.</summary>
    public double V { get; } = v;

    private protected override T Apply(T x) => x > _th ? x : _v;

    private protected override T Derivative(T x, T y) => x > _th ? T.One : T.Zero;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Th}, {V})");
}
