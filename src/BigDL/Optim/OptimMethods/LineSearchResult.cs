using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>The outcome of a <see cref="LineSearch{T}"/>: what BigDL's line search returns besides the new point.</summary>
/// <param name="Loss">The loss at the point found.</param>
/// <param name="Gradient">The gradient at the point found (owned by the caller from now on).</param>
/// <param name="Step">The step t taken along the direction.</param>
/// <param name="Evaluations">How many times the objective was evaluated.</param>
public readonly record struct LineSearchResult<T>(double Loss, Tensor<T> Gradient, double Step, int Evaluations)
    where T : unmanaged, IFloatingPointIeee754<T>;
