using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// A line search for <see cref="LBFGS{T}"/>: from x along a descent direction d, finds a step t and moves x to
/// x + t·d (BigDL <c>optim.LineSearch</c>, Torch's line-search functions such as <c>optim.lswolfe</c>).
/// </summary>
/// <remarks>
/// A line search is configuration only (its constructor arguments are get-only properties); whatever it needs
/// during a search lives in that call.
/// </remarks>
public abstract class LineSearch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Searches along <paramref name="direction"/> from <paramref name="x"/> and leaves x at x + t·direction.</summary>
    /// <param name="feval">The objective: the loss and the gradient at a point.</param>
    /// <param name="x">The start point; updated in place to the point found.</param>
    /// <param name="step">The initial step t.</param>
    /// <param name="direction">The descent direction d (not changed).</param>
    /// <param name="loss">The loss at <paramref name="x"/>.</param>
    /// <param name="gradient">The gradient at <paramref name="x"/> (not changed).</param>
    /// <param name="directionalDerivative">gradient·direction, negative for a descent direction.</param>
    /// <returns>The loss and gradient at the new x, the step taken and the number of evaluations of feval.</returns>
    public abstract LineSearchResult<T> Search(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> x, double step,
        Tensor<T> direction, double loss, Tensor<T> gradient, double directionalDerivative);

    /// <summary>A copy sharing no mutable configuration with this line search.</summary>
    public virtual LineSearch<T> Clone() => (LineSearch<T>)MemberwiseClone();
}
