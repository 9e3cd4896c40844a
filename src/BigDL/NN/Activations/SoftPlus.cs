using System.Globalization;
using System.Numerics;

namespace BigDL.NN;

/// <summary>Soft-plus: y = log(1 + e^(beta·x)) / beta (linear above a threshold, as Torch).</summary>
/// <remarks>BigDL/Torch <c>nn.SoftPlus</c> (PyTorch <c>nn.Softplus</c>, threshold 20). Any shape.</remarks>
/// <param name="beta">Sharpness (default 1).</param>
public sealed class SoftPlus<T>(double beta = 1) : PointwiseModule<T>(false) where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Threshold = T.CreateTruncating(20);
    private readonly T _beta = T.CreateTruncating(Check(beta));

    /// <summary>Sharpness.</summary>
    public double Beta { get; } = beta;

    private protected override T Apply(T x) => _beta * x > Threshold ? x : T.Log(T.One + T.Exp(_beta * x)) / _beta;

    private protected override T Derivative(T x, T y) => _beta * x > Threshold ? T.One : T.One - T.Exp(-_beta * y);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({Beta})");

    private static double Check(double beta)
    {
        if (!(beta > 0)) throw new ArgumentOutOfRangeException(nameof(beta), beta, "beta must be positive");
        return beta;
    }
}
