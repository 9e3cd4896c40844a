using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>
/// A line search for a step satisfying the strong Wolfe conditions: sufficient decrease
/// f(x + t·d) ≤ f(x) + c1·t·∇f·d and curvature |∇f(x + t·d)·d| ≤ −c2·∇f·d (Torch's <c>optim.lswolfe</c>).
/// </summary>
/// <remarks>
/// The search first extrapolates until it brackets an acceptable step, each new trial the minimum of the cubic
/// through the last two points on [t + 0.01(t − t_prev), 10t]; it then narrows the bracket with cubic
/// interpolation, keeping every trial at least a tenth of the bracket away from its ends once progress slows
/// (Nocedal and Wright, Numerical Optimization, algorithms 3.5 and 3.6). It returns the lowest point found when it
/// runs out of iterations or the bracket shrinks below <see cref="TolX"/>.
/// </remarks>
public sealed class WolfeLineSearch<T> : LineSearch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates the line search.</summary>
    /// <param name="c1">Sufficient-decrease constant, in (0, 1) (default 1e-4).</param>
    /// <param name="c2">Curvature constant, in (c1, 1) (default 0.9).</param>
    /// <param name="tolX">The smallest change of the directional derivative over the bracket worth refining, ≥ 0 (default 1e-9).</param>
    /// <param name="maxIter">The most trials after the first, &gt; 0 (default 20).</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public WolfeLineSearch(double c1 = 1e-4, double c2 = 0.9, double tolX = 1e-9, int maxIter = 20)
    {
        C1 = c1 > 0 && c1 < 1 ? c1 : throw HyperParameter.OutOfRange(nameof(c1), c1, "in (0, 1)");
        C2 = c2 > c1 && c2 < 1 ? c2 : throw HyperParameter.OutOfRange(nameof(c2), c2, string.Create(CultureInfo.InvariantCulture, $"in (c1, 1) = ({c1}, 1)"));
        TolX = HyperParameter.NonNegative(tolX, nameof(tolX));
        MaxIter = HyperParameter.Positive(maxIter, nameof(maxIter));
    }

    /// <summary>Sufficient-decrease constant.</summary>
    public double C1 { get; }

    /// <summary>Curvature constant.</summary>
    public double C2 { get; }

    /// <summary>Tolerance that ends the refinement.</summary>
    public double TolX { get; }

    /// <summary>The most trials after the first.</summary>
    public int MaxIter { get; }

    /// <inheritdoc/>
    public override LineSearchResult<T> Search(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> x, double step,
        Tensor<T> direction, double loss, Tensor<T> gradient, double directionalDerivative)
    {
        ArgumentNullException.ThrowIfNull(feval);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(direction);
        ArgumentNullException.ThrowIfNull(gradient);
        var trial = new Trials(feval, x, direction);
        var start = new Point(0, loss, gradient.Clone(), directionalDerivative);
        var bracket = new Bracket();
        bool done = Extrapolate(ref trial, start, step, ref bracket);
        if (!done) Zoom(ref trial, start, ref bracket);
        var best = bracket.Low;
        trial.MoveTo(best.Step);
        return new LineSearchResult<T>(best.Loss, best.Gradient, best.Step, trial.Evaluations);
    }

    /// <summary>Grows the step until the points bracket an acceptable one; true when the step itself is acceptable.</summary>
    private bool Extrapolate(ref Trials trial, Point start, double step, ref Bracket bracket)
    {
        var previous = start;
        var current = trial.Evaluate(step);
        for (int iteration = 0; iteration < MaxIter; iteration++)
        {
            if (!SufficientDecrease(start, current) || (iteration > 1 && current.Loss >= previous.Loss))
            {
                bracket = new Bracket(previous, current);
                return false;
            }
            if (Curvature(start, current))
            {
                bracket = new Bracket(current);
                return true;
            }
            if (current.Slope >= 0)
            {
                bracket = new Bracket(previous, current);
                return false;
            }
            double next = Cubic.MinimumOn(previous, current,
                current.Step + 0.01 * (current.Step - previous.Step), current.Step * 10);
            previous = current;
            current = trial.Evaluate(next);
        }
        bracket = new Bracket(start, current);
        return false;
    }

    /// <summary>Narrows the bracket until its low point satisfies both conditions, or the search runs out.</summary>
    private void Zoom(ref Trials trial, Point start, ref Bracket bracket)
    {
        bool slowProgress = false;
        while (trial.Evaluations <= MaxIter)
        {
            var (low, high) = (bracket.Low, bracket.High);
            double lo = Math.Min(low.Step, high.Step), hi = Math.Max(low.Step, high.Step);
            double t = Cubic.Minimizer(low, high, lo, hi);
            if (Math.Min(hi - t, t - lo) / (hi - lo) < 0.1)
            {
                if (slowProgress || t >= hi || t <= lo)
                {
                    t = Math.Abs(t - hi) < Math.Abs(t - lo) ? hi - 0.1 * (hi - lo) : lo + 0.1 * (hi - lo);
                    slowProgress = false;
                }
                else slowProgress = true;
            }
            else slowProgress = false;
            var current = trial.Evaluate(t);
            if (!SufficientDecrease(start, current) || current.Loss >= low.Loss)
                bracket = new Bracket(low, current);
            else if (Curvature(start, current))
            {
                bracket = new Bracket(current);
                return;
            }
            else
                bracket = new Bracket(current, current.Slope * (high.Step - low.Step) >= 0 ? low : high);
            if (Math.Abs((bracket.Low.Step - bracket.High.Step) * current.Slope) < TolX) return;
        }
    }

    private bool SufficientDecrease(Point start, Point p) => p.Loss <= start.Loss + C1 * p.Step * start.Slope;

    private bool Curvature(Point start, Point p) => Math.Abs(p.Slope) <= -C2 * start.Slope;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"WolfeLineSearch(c1: {C1}, c2: {C2}, tolX: {TolX}, maxIter: {MaxIter})");

    /// <summary>A trial point: step, loss, its own copy of the gradient, and the slope gradient·direction.</summary>
    private sealed record Point(double Step, double Loss, Tensor<T> Gradient, double Slope);

    /// <summary>The bracket: its low point (lowest loss) and its other end; a single point once a step is accepted.</summary>
    private readonly struct Bracket
    {
        public Bracket(Point accepted) => (Low, High) = (accepted, accepted);

        /// <summary>The bracket of <paramref name="a"/> and <paramref name="b"/>, the lower loss first (a on ties).</summary>
        public Bracket(Point a, Point b) => (Low, High) = b.Loss < a.Loss ? (b, a) : (a, b);

        public Point Low { get; }

        public Point High { get; }
    }

    /// <summary>Evaluates the objective at x₀ + t·d, counting the evaluations.</summary>
    private struct Trials(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> x, Tensor<T> direction)
    {
        private readonly Tensor<T> _start = x.Clone();

        public int Evaluations { get; private set; }

        public readonly void MoveTo(double step)
            => TensorPrimitives.MultiplyAdd(direction.AsSpan(), T.CreateTruncating(step), _start.AsSpan(), x.AsSpan());

        public Point Evaluate(double step)
        {
            MoveTo(step);
            var (loss, gradient) = feval(x);
            Evaluations++;
            if (gradient is null || gradient.NElement() != x.NElement())
                throw new ArgumentException($"expected feval's gradient to have {x.NElement()} elements like the parameter, got {gradient?.NElement().ToString(CultureInfo.InvariantCulture) ?? "null"}", nameof(feval));
            var copy = gradient.Clone();
            return new Point(step, loss, copy, double.CreateTruncating(TensorPrimitives.Dot<T>(copy.AsSpan(), direction.AsSpan())));
        }
    }

    /// <summary>The cubic through two points with their values and slopes.</summary>
    private static class Cubic
    {
        /// <summary>The local minimiser of the cubic, clamped to [lo, hi]; the midpoint when the cubic has none.</summary>
        public static double Minimizer(Point a, Point b, double lo, double hi)
        {
            var (p, q) = a.Step <= b.Step ? (a, b) : (b, a);
            double d1 = p.Slope + q.Slope - 3 * (p.Loss - q.Loss) / (p.Step - q.Step);
            double d2Squared = d1 * d1 - p.Slope * q.Slope;
            if (d2Squared < 0) return (lo + hi) / 2;
            double d2 = Math.Sqrt(d2Squared);
            double t = q.Step - (q.Step - p.Step) * ((q.Slope + d2 - d1) / (q.Slope - p.Slope + 2 * d2));
            return double.IsFinite(t) ? Math.Clamp(t, lo, hi) : (lo + hi) / 2;
        }

        /// <summary>The point of [lo, hi] where the cubic is lowest: an end, or the local minimiser inside.</summary>
        public static double MinimumOn(Point a, Point b, double lo, double hi)
        {
            double best = lo, bestValue = Value(a, b, lo);
            double end = Value(a, b, hi);
            if (end < bestValue) (best, bestValue) = (hi, end);
            double inner = Minimizer(a, b, lo, hi);
            if (inner > lo && inner < hi && Value(a, b, inner) < bestValue) best = inner;
            return best;
        }

        /// <summary>The cubic's value at <paramref name="t"/> (Hermite form on the two points).</summary>
        private static double Value(Point a, Point b, double t)
        {
            double h = b.Step - a.Step, s = (t - a.Step) / h, s2 = s * s, s3 = s2 * s;
            return (2 * s3 - 3 * s2 + 1) * a.Loss + (s3 - 2 * s2 + s) * h * a.Slope
                + (-2 * s3 + 3 * s2) * b.Loss + (s3 - s2) * h * b.Slope;
        }
    }
}
