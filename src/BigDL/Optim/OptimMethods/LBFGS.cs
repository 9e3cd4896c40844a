using System.Globalization;
using System.Numerics;
using BigDL.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace BigDL.Optim;

/// <summary>
/// Limited-memory BFGS: a quasi-Newton method that builds its direction from the last
/// <see cref="NCorrection"/> steps and gradient changes (BigDL/Torch <c>optim.LBFGS</c>).
/// </summary>
/// <remarks>
/// <para>One <see cref="Optimize"/> call runs up to <see cref="MaxIter"/> iterations and returns the loss of every
/// evaluation, the first taken before any update. Without a line search each iteration moves by a fixed step:
/// learningRate, or min(1, 1/‖g‖₁)·learningRate on the very first iteration; with one (e.g.
/// <see cref="WolfeLineSearch{T}"/>) that step is where the search starts. The iterations stop at MaxIter, after
/// MaxEval evaluations, when ‖g‖₁ ≤ tolFun, when the step or the change of loss falls below tolX, or when the
/// direction is no longer a descent direction.</para>
/// <para>State: the direction <c>"d"</c>, the previous gradient <c>"g_old"</c>, the histories
/// <c>"s_history"</c> and <c>"y_history"</c> ([nCorrection, n] rings of steps and gradient changes), scratch
/// buffers, and the scalars <c>"t"</c>, <c>"Hdiag"</c>, <c>"f_old"</c>, <c>"nIter"</c>, <c>"history.count"</c>
/// and <c>"history.start"</c>; so calls with <c>maxIter: 1</c> continue one run, as in BigDL's stochastic mode.</para>
/// </remarks>
public sealed class LBFGS<T> : OptimMethod<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string IterationsKey = "nIter";

    /// <summary>Creates the method.</summary>
    /// <param name="maxIter">Iterations per <see cref="Optimize"/> call, &gt; 0 (default 20).</param>
    /// <param name="maxEval">Evaluations per call, &gt; 0; <see cref="double.MaxValue"/> (the default) means 1.25·maxIter, as in BigDL.</param>
    /// <param name="tolFun">Stop when the gradient's L1 norm is at most this, ≥ 0 (default 1e-5).</param>
    /// <param name="tolX">Stop when the step's L1 norm or the change of loss is below this, ≥ 0 (default 1e-9).</param>
    /// <param name="nCorrection">How many past steps shape the direction, &gt; 0 (default 100).</param>
    /// <param name="learningRate">The step length factor, ≥ 0 (default 1).</param>
    /// <param name="verbose">Whether to report why the iterations stopped, through <see cref="System.Diagnostics.Trace"/> (the library never writes to the console).</param>
    /// <param name="lineSearch">The line search; null: fixed steps.</param>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public LBFGS(int maxIter = 20, double maxEval = double.MaxValue, double tolFun = 1e-5, double tolX = 1e-9,
        int nCorrection = 100, double learningRate = 1, bool verbose = false, LineSearch<T>? lineSearch = null)
    {
        MaxIter = HyperParameter.Positive(maxIter, nameof(maxIter));
        MaxEval = maxEval == double.MaxValue ? maxEval : HyperParameter.Positive(maxEval, nameof(maxEval));
        TolFun = HyperParameter.NonNegative(tolFun, nameof(tolFun));
        TolX = HyperParameter.NonNegative(tolX, nameof(tolX));
        NCorrection = HyperParameter.Positive(nCorrection, nameof(nCorrection));
        LearningRate = HyperParameter.NonNegative(learningRate, nameof(learningRate));
        Verbose = verbose;
        LineSearch = lineSearch;
    }

    /// <summary>Iterations per call.</summary>
    public int MaxIter { get; }

    /// <summary>Evaluations per call as given; <see cref="double.MaxValue"/> means 1.25·<see cref="MaxIter"/>.</summary>
    public double MaxEval { get; }

    /// <summary>Tolerance on the gradient's L1 norm.</summary>
    public double TolFun { get; }

    /// <summary>Tolerance on the step and on the change of loss.</summary>
    public double TolX { get; }

    /// <summary>How many past steps shape the direction.</summary>
    public int NCorrection { get; }

    /// <summary>The step length factor.</summary>
    public double LearningRate { get; }

    /// <summary>Whether to print why the iterations stopped.</summary>
    public bool Verbose { get; }

    /// <summary>The line search, or null for fixed steps.</summary>
    public LineSearch<T>? LineSearch { get; }

    /// <inheritdoc/>
    public override double CurrentLearningRate => LearningRate;

    /// <inheritdoc/>
    public override (Tensor<T> Parameter, double[] Losses) Optimize(Func<Tensor<T>, (double Loss, Tensor<T> Gradient)> feval, Tensor<T> parameter)
    {
        var (f, g) = Evaluate(feval, parameter);
        var losses = new List<double> { f };
        if (SumAbs(g) < TolFun)
        {
            Say("optimality condition below tolFun");
            return (parameter, Finish([.. losses]));
        }
        var history = new History(this, parameter);
        bool resumed = HasBuffer("d");
        var d = Buffer("d", parameter);
        if (!resumed)
        {
            TensorPrimitives.Negate(g.AsSpan(), d);
            g.AsSpan().CopyTo(Buffer("g_old", parameter));
        }
        var scalars = State.Scalars;
        double t = scalars.GetValueOrDefault("t", LearningRate);
        double hDiag = scalars.GetValueOrDefault("Hdiag", 1.0);
        double fOld = scalars.GetValueOrDefault("f_old", f);
        int nIter = (int)scalars.GetValueOrDefault(IterationsKey, 0);
        double maxEval = MaxEval == double.MaxValue ? 1.25 * MaxIter : MaxEval;
        int evaluations = 1;
        for (int iteration = 1; iteration <= MaxIter; iteration++)
        {
            nIter++;
            var gOld = Buffer("g_old", parameter);
            if (nIter != 1) hDiag = history.Direction(g.AsSpan(), gOld, d, t, hDiag);
            g.AsSpan().CopyTo(gOld);
            fOld = f;
            double gtd = Dot(g.AsSpan(), d);
            if (gtd > -TolX) break;
            t = nIter == 1 ? Math.Min(1, 1 / SumAbs(g)) * LearningRate : LearningRate;
            int searchEvaluations = 0;
            if (LineSearch is not null)
            {
                var result = LineSearch.Search(feval, parameter, t, State.Tensors["d"], f, g, gtd);
                CheckGradient(result.Gradient, parameter);
                (f, g, t, searchEvaluations) = (result.Loss, result.Gradient, result.Step, result.Evaluations);
                losses.Add(f);
            }
            else
            {
                TensorPrimitives.MultiplyAdd(d, Element(t), parameter.AsSpan(), parameter.AsSpan());
                if (iteration != MaxIter)
                {
                    (f, g) = Evaluate(feval, parameter);
                    searchEvaluations = 1;
                    losses.Add(f);
                }
            }
            evaluations += searchEvaluations;
            if (Stop(iteration, evaluations, maxEval, g, d, t, f, fOld)) break;
        }
        scalars["t"] = t;
        scalars["Hdiag"] = hDiag;
        scalars["f_old"] = fOld;
        scalars[IterationsKey] = nIter;
        return (parameter, Finish([.. losses]));
    }

    /// <summary>Whether an iteration's outcome ends the call, saying why when verbose (BigDL's order of checks).</summary>
    private bool Stop(int iteration, int evaluations, double maxEval, Tensor<T> g, ReadOnlySpan<T> d, double t, double f, double fOld)
    {
        string? reason =
            iteration == MaxIter ? "reached max number of iterations"
            : evaluations >= maxEval ? "max nb of function evals"
            : SumAbs(g) <= TolFun ? "optimality condition below tolFun"
            : double.CreateTruncating(TensorPrimitives.SumOfMagnitudes(d)) * Math.Abs(t) < TolX ? "step size below tolX"
            : Math.Abs(f - fOld) < TolX ? "function value changing less than tolX"
            : null;
        if (reason is not null) Say(reason);
        return reason is not null;
    }

    /// <summary>Drops the buffers, histories and step values; keeps the iteration count, as BigDL.</summary>
    public override void ClearHistory()
    {
        base.ClearHistory();
        foreach (string key in new[] { "t", "Hdiag", "f_old", History.CountKey, History.StartKey }) State.Scalars.Remove(key);
    }

    private void Say(string message)
    {
        if (Verbose) System.Diagnostics.Trace.WriteLine($"<optim.lbfgs> {message}");
    }

    private static double SumAbs(Tensor<T> g) => double.CreateTruncating(TensorPrimitives.SumOfMagnitudes<T>(g.AsSpan()));

    private static double Dot(ReadOnlySpan<T> a, ReadOnlySpan<T> b) => double.CreateTruncating(TensorPrimitives.Dot(a, b));

    /// <inheritdoc/>
    protected override OptimMethod<T> CreateCopy()
        => new LBFGS<T>(MaxIter, MaxEval, TolFun, TolX, NCorrection, LearningRate, Verbose, LineSearch?.Clone());

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LBFGS(maxIter: {MaxIter}, maxEval: {(MaxEval == double.MaxValue ? 1.25 * MaxIter : MaxEval)}, tolFun: {TolFun}, tolX: {TolX}, nCorrection: {NCorrection}, learningRate: {LearningRate}, verbose: {Verbose}, lineSearch: {LineSearch?.ToString() ?? "none"})");

    /// <summary>
    /// The rings of the last steps s and gradient changes y in the state, and the two-loop recursion that turns them
    /// into the direction −H·g.
    /// </summary>
    private readonly struct History
    {
        public const string CountKey = "history.count";
        public const string StartKey = "history.start";

        private readonly LBFGS<T> _method;
        private readonly Tensor<T> _parameter;

        public History(LBFGS<T> method, Tensor<T> parameter) => (_method, _parameter) = (method, parameter);

        /// <summary>
        /// Records s = t·d and y = g − gOld when yᵀs &gt; 1e-10 (dropping the oldest pair when full), then writes the
        /// new direction into <paramref name="d"/>; returns the scaling yᵀs/yᵀy of the initial inverse Hessian.
        /// </summary>
        public double Direction(ReadOnlySpan<T> g, ReadOnlySpan<T> gOld, Span<T> d, double t, double hDiag)
        {
            var y = _method.Buffer("y", _parameter);
            var s = _method.Buffer("s", _parameter);
            TensorPrimitives.Subtract(g, gOld, y);
            TensorPrimitives.Multiply(d, Element(t), s);
            double ys = Dot(y, s);
            if (ys > 1e-10)
            {
                Push(s, y);
                hDiag = ys / Dot(y, y);
            }
            var q = _method.Buffer("q", _parameter);
            TensorPrimitives.Negate(g, q);
            int count = Count, n = _method.NCorrection;
            var sRows = Rows("s_history");
            var yRows = Rows("y_history");
            var ro = Coefficients("ro");
            var al = Coefficients("al");
            int start = (int)_method.State.Scalars.GetValueOrDefault(StartKey, 0);
            for (int i = 0; i < count; i++)
                ro[i] = T.One / TensorPrimitives.Dot<T>(Row(yRows, (start + i) % n), Row(sRows, (start + i) % n));
            for (int i = count - 1; i >= 0; i--)
            {
                int row = (start + i) % n;
                al[i] = TensorPrimitives.Dot<T>(Row(sRows, row), q) * ro[i];
                TensorPrimitives.MultiplyAdd(Row(yRows, row), -al[i], q, q);
            }
            TensorPrimitives.Multiply(q, Element(hDiag), d);
            for (int i = 0; i < count; i++)
            {
                int row = (start + i) % n;
                T be = TensorPrimitives.Dot<T>(Row(yRows, row), d) * ro[i];
                TensorPrimitives.MultiplyAdd(Row(sRows, row), al[i] - be, d, d);
            }
            return hDiag;
        }

        private int Count => (int)_method.State.Scalars.GetValueOrDefault(CountKey, 0);

        private void Push(ReadOnlySpan<T> s, ReadOnlySpan<T> y)
        {
            var scalars = _method.State.Scalars;
            int n = _method.NCorrection, count = Count, start = (int)scalars.GetValueOrDefault(StartKey, 0);
            if (count == n)
            {
                start = (start + 1) % n;
                count--;
            }
            int row = (start + count) % n;
            s.CopyTo(Row(Rows("s_history"), row));
            y.CopyTo(Row(Rows("y_history"), row));
            scalars[CountKey] = count + 1;
            scalars[StartKey] = start;
        }

        private Span<T> Row(Span<T> rows, int row) => rows.Slice(row * _parameter.NElement(), _parameter.NElement());

        /// <summary>The [nCorrection, n] history <paramref name="name"/>, created on first use.</summary>
        private Span<T> Rows(string name)
        {
            var tensors = _method.State.Tensors;
            if (!tensors.TryGetValue(name, out var rows))
                tensors[name] = rows = new Tensor<T>(_method.NCorrection, _parameter.NElement());
            else if (rows.NElement() != _method.NCorrection * _parameter.NElement())
                throw new InvalidOperationException($"LBFGS: state history \"{name}\" has {rows.NElement()} elements, expected {_method.NCorrection} x {_parameter.NElement()}; call ClearHistory() when the parameter changes");
            return rows.AsSpan();
        }

        /// <summary>The [nCorrection] coefficient vector <paramref name="name"/>, created on first use.</summary>
        private Span<T> Coefficients(string name)
        {
            var tensors = _method.State.Tensors;
            if (!tensors.TryGetValue(name, out var values)) tensors[name] = values = new Tensor<T>(_method.NCorrection);
            return values.AsSpan();
        }
    }
}
