using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public class LBFGSTests
{
    /// <summary>Rosenbrock's function (1 − x)² + 100(y − x²)², minimum 0 at (1, 1), and its gradient.</summary>
    private static (double Loss, Tensor<double> Gradient) Rosenbrock(Tensor<double> p)
    {
        double x = p[0], y = p[1];
        double loss = (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x);
        return (loss, new Tensor<double>([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)], 2));
    }

    /// <summary>½xᵀAx − bᵀx with a symmetric positive definite, non-diagonal A; minimum at A⁻¹b.</summary>
    private static readonly double[,] Matrix = { { 4, 1, 0.5 }, { 1, 3, -0.5 }, { 0.5, -0.5, 2 } };
    private static readonly double[] Rhs = [1, -2, 3];

    private static (double Loss, Tensor<double> Gradient) Quadratic3(Tensor<double> p)
    {
        var g = new double[3];
        double loss = 0;
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++) g[i] += Matrix[i, j] * p[j];
            loss += 0.5 * p[i] * g[i] - Rhs[i] * p[i];
            g[i] -= Rhs[i];
        }
        return (loss, new Tensor<double>(g, 3));
    }

    /// <summary>A⁻¹b by Cramer's rule, independent of the optimiser.</summary>
    private static double[] QuadraticMinimum()
    {
        static double Det(double[,] m) =>
            m[0, 0] * (m[1, 1] * m[2, 2] - m[1, 2] * m[2, 1]) - m[0, 1] * (m[1, 0] * m[2, 2] - m[1, 2] * m[2, 0]) + m[0, 2] * (m[1, 0] * m[2, 1] - m[1, 1] * m[2, 0]);
        double det = Det(Matrix);
        var solution = new double[3];
        for (int c = 0; c < 3; c++)
        {
            var m = (double[,])Matrix.Clone();
            for (int r = 0; r < 3; r++) m[r, c] = Rhs[r];
            solution[c] = Det(m) / det;
        }
        return solution;
    }

    [Fact]
    public void Optimize_RosenbrockWithWolfeLineSearch_ReachesTheMinimum()
    {
        var x = new Tensor<double>(2);
        var method = new LBFGS<double>(maxIter: 100, tolFun: 1e-12, tolX: 1e-14, lineSearch: new WolfeLineSearch<double>());
        var (_, losses) = method.Optimize(Rosenbrock, x);
        Assert.True(Math.Abs(x[0] - 1) < 1e-4 && Math.Abs(x[1] - 1) < 1e-4, $"x = ({x[0]:R}, {x[1]:R}) after {losses.Length} evaluations");
        Assert.True(losses[^1] < 1e-10, $"final loss {losses[^1]:R}");
        Assert.Equal(1.0, losses[0]); // f(0, 0) = 1
    }

    [Fact]
    public void Optimize_RosenbrockFixedStep_ReachesBigDLsBound()
    {
        // BigDL's LBFGSSpec: from (0, 0), maxIter 100, learningRate 0.1, no line search: the last loss is below 1e-6.
        var x = new Tensor<double>(2);
        var (_, losses) = new LBFGS<double>(maxIter: 100, learningRate: 0.1).Optimize(Rosenbrock, x);
        Assert.True(losses[^1] < 1e-6, $"final loss {losses[^1]:R} at ({x[0]:R}, {x[1]:R})");
    }

    [Fact]
    public void Optimize_RosenbrockOneIterationPerCall_ContinuesFromItsState()
    {
        // BigDL's stochastic mode: maxIter 1, 100 calls; each call starts where the state left off.
        var x = new Tensor<double>(2);
        var method = new LBFGS<double>(maxIter: 1, learningRate: 0.1);
        double last = double.NaN;
        for (int i = 0; i < 100; i++) last = method.Optimize(Rosenbrock, x).Losses[0];
        Assert.True(last < 1e-6, $"loss {last:R} at ({x[0]:R}, {x[1]:R})");
        Assert.Equal(100, method.State.Scalars["nIter"]);
        Assert.Equal(101, method.State.Iteration);
    }

    [Fact]
    public void Optimize_QuadraticWithExactLineSearch_IsExactInAsManyIterationsAsDimensions()
    {
        // A tight curvature condition makes the line search exact (its cubic interpolation is exact on a quadratic),
        // and BFGS with exact line searches minimises an n-dimensional quadratic in n iterations.
        var x = new Tensor<double>(3);
        var method = new LBFGS<double>(maxIter: 10, tolFun: 1e-10, lineSearch: new WolfeLineSearch<double>(c1: 1e-8, c2: 1e-6));
        method.Optimize(Quadratic3, x);
        var expected = QuadraticMinimum();
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(x[i] - expected[i]) < 1e-12, $"x[{i}] = {x[i]:R}, expected {expected[i]:R}");
        Assert.Equal(3, method.State.Scalars["nIter"]);
    }

    [Fact]
    public void Optimize_QuadraticWithDefaultWolfeLineSearch_ConvergesInTenIterations()
    {
        var x = new Tensor<double>(3);
        var method = new LBFGS<double>(maxIter: 20, tolFun: 1e-10, tolX: 0, lineSearch: new WolfeLineSearch<double>());
        method.Optimize(Quadratic3, x);
        var expected = QuadraticMinimum();
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(x[i] - expected[i]) < 1e-10, $"x[{i}] = {x[i]:R}, expected {expected[i]:R}");
        Assert.True(method.State.Scalars["nIter"] <= 10, $"{method.State.Scalars["nIter"]} iterations");
    }

    [Fact]
    public void Optimize_TwoFixedSteps_MatchHandComputedTwoLoopRecursion()
    {
        // On f = Σ aᵢxᵢ²: g₀ = (1, −4, 2), ‖g₀‖₁ = 7, so the first step is t = 1/7 along −g₀: x₁ = (6/7, −10/7, 3/14).
        // The second direction comes from one pair s = x₁ − x₀, y = g₁ − g₀: the two-loop recursion, written out below.
        var method = new LBFGS<double>(maxIter: 2);
        var x = Start<double>();
        var (_, losses) = method.Optimize(Quadratic<double>(), x);
        double[] x1 = [6.0 / 7, -10.0 / 7, 3.0 / 14];
        double[] g0 = Gradient(X0), g1 = Gradient(x1);
        double[] s = [.. x1.Select((v, i) => v - X0[i])], y = [.. g1.Select((v, i) => v - g0[i])];
        double ys = Dot(y, s), rho = 1 / ys, hDiag = ys / Dot(y, y);
        double[] q = [.. g1.Select(v => -v)];
        double alpha = rho * Dot(s, q);
        double[] r = [.. q.Select((v, i) => hDiag * (v - alpha * y[i]))];
        double beta = rho * Dot(y, r);
        double[] x2 = [.. x1.Select((v, i) => v + r[i] + (alpha - beta) * s[i])];
        AssertClose<double>(x2, x, "x after two iterations");
        Assert.Equal([Loss(X0), Loss(x1)], losses, (a, b) => Math.Abs(a - b) < 1e-13); // no evaluation after the last step
        Assert.Equal(1, method.State.Scalars["history.count"]);
    }

    [Fact]
    public void Optimize_HistoryLongerThanNCorrection_KeepsTheNewestPairs()
    {
        var x = new Tensor<double>(3);
        var method = new LBFGS<double>(maxIter: 100, nCorrection: 2, tolFun: 1e-10, tolX: 0, lineSearch: new WolfeLineSearch<double>());
        method.Optimize(Quadratic3, x);
        var expected = QuadraticMinimum();
        for (int i = 0; i < 3; i++) Assert.True(Math.Abs(x[i] - expected[i]) < 1e-7, $"x[{i}] = {x[i]:R}, expected {expected[i]:R}");
        Assert.Equal(2, method.State.Scalars["history.count"]);
    }

    [Fact]
    public void Optimize_AtTheMinimum_ReturnsAfterOneEvaluation()
    {
        var x = new Tensor<double>([1.0, 1.0], 2);
        var method = new LBFGS<double>();
        var (_, losses) = method.Optimize(Rosenbrock, x);
        Assert.Equal([0.0], losses);
        Assert.Equal([1.0, 1.0], Values(x));
        Assert.Empty(method.State.Tensors);
    }

    [Fact]
    public void Optimize_Float_SolvesTheQuadratic()
    {
        var method = new LBFGS<float>(maxIter: 10, lineSearch: new WolfeLineSearch<float>());
        var x = Start<float>();
        method.Optimize(Quadratic<float>(), x);
        Assert.All(Values(x), v => Assert.True(Math.Abs(v) < 1e-5, $"{v:R}"));
    }

    [Fact]
    public void ClearHistory_DropsBuffersAndKeepsIterationCount()
    {
        var method = new LBFGS<double>(maxIter: 3);
        method.Optimize(Rosenbrock, new Tensor<double>(2));
        method.ClearHistory();
        Assert.Empty(method.State.Tensors);
        Assert.Equal(["nIter"], method.State.Scalars.Keys);
    }

    [Fact]
    public void Constructor_NonPositiveCounts_Throw()
    {
        Assert.Equal("maxIter", Assert.Throws<ArgumentOutOfRangeException>(() => new LBFGS<double>(maxIter: 0)).ParamName);
        Assert.Equal("nCorrection", Assert.Throws<ArgumentOutOfRangeException>(() => new LBFGS<double>(nCorrection: -1)).ParamName);
        Assert.Contains("expected maxEval > 0, got 0", Assert.Throws<ArgumentOutOfRangeException>(() => new LBFGS<double>(maxEval: 0)).Message);
    }

    [Fact]
    public void ToString_ListsHyperParameters()
        => Assert.Equal("LBFGS(maxIter: 20, maxEval: 25, tolFun: 1E-05, tolX: 1E-09, nCorrection: 100, learningRate: 1, verbose: False, lineSearch: WolfeLineSearch(c1: 0.0001, c2: 0.9, tolX: 1E-09, maxIter: 20))",
            new LBFGS<double>(lineSearch: new WolfeLineSearch<double>()).ToString());

    private static double Dot(double[] a, double[] b) => a.Select((v, i) => v * b[i]).Sum();
}
