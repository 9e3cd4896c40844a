using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

public class WolfeLineSearchTests
{
    // Along d = −g₀ = (−1, 4, −2) from x₀, f(x₀ + t·d) = 5 − 21t + 24.5t², so φ'(t) = −21 + 49t and the exact minimum
    // is at t* = 3/7 with f = 0.5, x = (4/7, −2/7, −5/14).

    private static (LineSearchResult<double> Result, Tensor<double> X) Search(double step, WolfeLineSearch<double> search)
    {
        var x = Start<double>();
        var feval = Quadratic<double>();
        var (loss, g) = feval(x);
        var gradient = g.Clone();
        var direction = gradient.Clone().Neg();
        var result = search.Search(feval, x, step, direction, loss, gradient, -21);
        return (result, x);
    }

    [Fact]
    public void Search_StepTooLong_ZoomsToTheExactMinimumOfTheQuadratic()
    {
        // φ(1) = 8.5 > 5 brackets [0, 1]; the cubic through (0, 5, −21) and (1, 8.5, 28) is the quadratic itself, whose
        // minimum t* = 3/7 has φ' = 0: accepted after 2 evaluations.
        var (result, x) = Search(1, new WolfeLineSearch<double>());
        Assert.Equal(3.0 / 7, result.Step, 14);
        Assert.Equal(0.5, result.Loss, 14);
        Assert.Equal(2, result.Evaluations);
        AssertClose<double>([4.0 / 7, -2.0 / 7, -5.0 / 14], x, "x");
        AssertClose<double>(Gradient([4.0 / 7, -2.0 / 7, -5.0 / 14]), result.Gradient, "gradient");
    }

    [Fact]
    public void Search_StepTooShort_ExtrapolatesToTheTenfoldStep()
    {
        // At t = 0.01, φ' = −20.51: more than 0.9·21 in size and still negative, so the search extrapolates; the cubic's
        // minimum 3/7 lies beyond 10t = 0.1, which it takes; there φ' = −16.1 meets the curvature condition.
        var (result, x) = Search(0.01, new WolfeLineSearch<double>());
        Assert.Equal(0.1, result.Step, 15);
        Assert.Equal(2, result.Evaluations);
        Assert.Equal(5 - 21 * 0.1 + 24.5 * 0.01, result.Loss, 14);
        AssertClose<double>([0.9, -1.6, 0.3], x, "x = x₀ + 0.1·d");
    }

    [Theory]
    [InlineData(1e-3)]
    [InlineData(0.3)]
    [InlineData(0.9)]
    [InlineData(5)]
    public void Search_AnyInitialStep_EndsAtAStrongWolfePoint(double step)
    {
        var (result, _) = Search(step, new WolfeLineSearch<double>(c1: 1e-4, c2: 0.5));
        double t = result.Step, slope = -21 + 49 * t;
        Assert.True(result.Loss <= 5 + 1e-4 * t * -21, $"sufficient decrease fails at t = {t:R}");
        Assert.True(Math.Abs(slope) <= 0.5 * 21, $"curvature fails at t = {t:R}");
    }

    [Fact]
    public void Search_ReturnsItsOwnCopyOfTheGradient()
    {
        var x = Start<double>();
        var feval = Quadratic<double>();
        var (loss, g) = feval(x);
        var gradient = g.Clone();
        var result = new WolfeLineSearch<double>().Search(feval, x, 1, gradient.Clone().Neg(), loss, gradient, -21);
        var kept = Values(result.Gradient);
        feval(Start<double>()); // overwrites feval's own gradient tensor
        Assert.NotSame(g, result.Gradient);
        Assert.Equal(kept, Values(result.Gradient));
    }

    [Fact]
    public void Constructor_CurvatureConstantNotAboveSufficientDecrease_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WolfeLineSearch<double>(c1: 0.5, c2: 0.4));
        Assert.Equal("c2", e.ParamName);
        Assert.Contains("expected c2 in (c1, 1) = (0.5, 1), got 0.4", e.Message);
        Assert.Equal("maxIter", Assert.Throws<ArgumentOutOfRangeException>(() => new WolfeLineSearch<double>(maxIter: 0)).ParamName);
    }
}
