using System.Numerics;

namespace BigDL.NN;

/// <summary>Hard sigmoid: y = max(0, min(1, 0.2·x + 0.5)).</summary>
/// <remarks>BigDL's <c>nn.HardSigmoid</c> (Keras's hard_sigmoid). Any shape.</remarks>
public sealed class HardSigmoid<T>() : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Fifth = T.CreateTruncating(0.2);
    private static readonly T Half = T.CreateTruncating(0.5);
    private static readonly T Limit = T.CreateTruncating(2.5);

    private protected override T Apply(T x) => T.Clamp(Fifth * x + Half, T.Zero, T.One);

    private protected override T Derivative(T x, T y) => x > -Limit && x < Limit ? Fifth : T.Zero;
}
