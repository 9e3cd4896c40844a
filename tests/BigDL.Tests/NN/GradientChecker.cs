using System.Globalization;
using BigDL.NN;
using BigDL.Tensors;
using Xunit.Sdk;

namespace BigDL.Tests.NN;

/// <summary>
/// The one gradient check for every layer and criterion: central differences in double against Backward, for the
/// input and every parameter. A module's loss is Σ output ⊙ R with a fixed random R (so a permuted gradient cannot
/// pass); <see cref="RandomGenerator.Default"/> is re-seeded before every forward so stochastic layers are repeatable.
/// Backward gets a copy of R each time: in-place layers may overwrite their gradOutput.
/// </summary>
public static class GradientChecker
{
    private const ulong ForwardSeed = 4242;

    /// <summary>Tolerances and switches of one check.</summary>
    /// <param name="WrtInput">Check the gradient with respect to the input (off for index inputs).</param>
    /// <param name="WrtParameters">Check the parameter gradients and that they accumulate.</param>
    /// <param name="Epsilon">Step of the central difference.</param>
    /// <param name="Relative">Allowed error relative to max(|analytic|, |numeric|).</param>
    /// <param name="Absolute">Allowed absolute error.</param>
    /// <param name="MaxPerTensor">Elements checked per tensor; larger tensors are sampled with a fixed seed.</param>
    /// <param name="ExtraLoss">A term the module adds to the objective itself (L1Penalty's penalty), read after each forward.</param>
    /// <param name="InputGradientFactor">The input gradient is this multiple of the true one (GradientReversal: −λ).</param>
    /// <param name="ConstantInputs">Input tensors (by position among the table's tensors) that are data, not variables (RoiPooling's boxes).</param>
    public sealed record Options(bool WrtInput = true, bool WrtParameters = true, double Epsilon = 1e-6,
        double Relative = 1e-5, double Absolute = 1e-6, int MaxPerTensor = 150,
        Func<Module<double>, double>? ExtraLoss = null, double InputGradientFactor = 1, int[]? ConstantInputs = null);

    /// <summary>Checks <paramref name="module"/> at <paramref name="input"/>; throws naming the first wrong element.</summary>
    public static void CheckModule(Module<double> module, IActivity input, Options? options = null)
    {
        options ??= new Options();
        var output = SeededForward(module, input, out var used);
        var weightR = RandomLike(output, new RandomGenerator(99));
        double Loss() => Dot(SeededForward(module, input, out _), weightR) + (options.ExtraLoss?.Invoke(module) ?? 0);

        module.ZeroGradParameters();
        var gradInput = Copy(module.Backward(used, Copy(weightR)));
        var (weights, gradients) = module.Parameters();
        var analyticParameters = gradients.Select(g => g.Clone()).ToArray();
        string label = module.ToString().Split('\n')[0];

        if (options.WrtInput)
        {
            var inputs = Leaves(input);
            var grads = Leaves(gradInput);
            if (inputs.Count != grads.Count)
                throw new XunitException($"{label}: gradInput has {grads.Count} tensors, input {inputs.Count}");
            for (int i = 0; i < inputs.Count; i++)
                if (options.ConstantInputs?.Contains(i) != true)
                    CompareTensor(label, $"input{(inputs.Count > 1 ? "#" + i : "")}", inputs[i], grads[i], Loss, options, options.InputGradientFactor);
        }
        if (!options.WrtParameters) return;
        for (int p = 0; p < weights.Length; p++)
            CompareTensor(label, $"parameter#{p}", weights[p], analyticParameters[p], Loss, options);

        // A second backward without zeroing must double every parameter gradient: they accumulate.
        module.ZeroGradParameters();
        SeededForward(module, input, out used);
        module.Backward(used, Copy(weightR));
        SeededForward(module, input, out used);
        module.Backward(used, Copy(weightR));
        var distinct = new HashSet<Tensor<double>>(ReferenceEqualityComparer.Instance);
        for (int p = 0; p < gradients.Length; p++)
        {
            if (!distinct.Add(gradients[p])) continue;
            var twice = analyticParameters[p].Clone().Mul(2);
            AssertClose(label, $"accumulated gradient of parameter#{p}", twice, gradients[p], options);
        }
    }

    /// <summary>Checks <paramref name="criterion"/>'s gradient at <paramref name="input"/> for <paramref name="target"/>.</summary>
    public static void CheckCriterion(Criterion<double> criterion, IActivity input, IActivity target, Options? options = null)
    {
        options ??= new Options();
        string label = criterion.ToString();
        RandomGenerator.Default.SetSeed(ForwardSeed);
        criterion.Forward(input, target);
        RandomGenerator.Default.SetSeed(ForwardSeed);
        var gradInput = Copy(criterion.Backward(input, target));
        double Loss()
        {
            RandomGenerator.Default.SetSeed(ForwardSeed);
            return criterion.Forward(input, target);
        }
        var inputs = Leaves(input);
        var grads = Leaves(gradInput);
        if (inputs.Count != grads.Count) throw new XunitException($"{label}: gradInput has {grads.Count} tensors, input {inputs.Count}");
        for (int i = 0; i < inputs.Count; i++)
            CompareTensor(label, $"input{(inputs.Count > 1 ? "#" + i : "")}", inputs[i], grads[i], Loss, options);
    }

    /// <summary>Forward on a deep copy of the input (so in-place layers cannot damage it), after re-seeding.</summary>
    private static IActivity SeededForward(Module<double> module, IActivity input, out IActivity used)
    {
        used = Copy(input);
        RandomGenerator.Default.SetSeed(ForwardSeed);
        return module.Forward(used);
    }

    private static void CompareTensor(string label, string what, Tensor<double> x, Tensor<double> analytic, Func<double> loss, Options options, double factor = 1)
    {
        if (!analytic.IsSameSizeAs(x))
            throw new XunitException($"{label}: gradient of {what} has shape {Shape.Format(analytic.Size())}, expected {Shape.Format(x.Size())}");
        int n = x.NElement();
        var sizes = x.Size();
        foreach (int flat in Positions(n, options.MaxPerTensor))
        {
            var index = Unflatten(flat, sizes);
            double original = x.ValueAt(index);
            x.SetValue(index, original + options.Epsilon);
            double plus = loss();
            x.SetValue(index, original - options.Epsilon);
            double minus = loss();
            x.SetValue(index, original);
            double numeric = factor * (plus - minus) / (2 * options.Epsilon);
            double exact = analytic.ValueAt(index);
            if (!Close(exact, numeric, options))
                throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: dL/d{what}[{string.Join(",", index)}] analytic {exact:R} numeric {numeric:R}"));
        }
    }

    private static void AssertClose(string label, string what, Tensor<double> expected, Tensor<double> actual, Options options)
    {
        var sizes = expected.Size();
        for (int flat = 0; flat < expected.NElement(); flat++)
        {
            var index = Unflatten(flat, sizes);
            if (!Close(expected.ValueAt(index), actual.ValueAt(index), options))
                throw new XunitException(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: {what}[{string.Join(",", index)}] is {actual.ValueAt(index):R}, expected {expected.ValueAt(index):R}"));
        }
    }

    private static bool Close(double a, double b, Options options) =>
        Math.Abs(a - b) <= options.Absolute + options.Relative * Math.Max(Math.Abs(a), Math.Abs(b));

    private static IEnumerable<int> Positions(int n, int max)
    {
        if (n <= max)
        {
            for (int i = 0; i < n; i++) yield return i;
            yield break;
        }
        var random = new RandomGenerator(7);
        for (int i = 0; i < max; i++) yield return (int)(random.NextUInt32() % (uint)n);
    }

    private static int[] Unflatten(int flat, int[] sizes)
    {
        var index = new int[sizes.Length];
        for (int d = sizes.Length - 1; d >= 0; d--)
        {
            index[d] = flat % sizes[d];
            flat /= sizes[d];
        }
        return index;
    }

    internal static List<Tensor<double>> Leaves(IActivity activity)
    {
        var leaves = new List<Tensor<double>>();
        void Walk(IActivity a)
        {
            if (a is Table table) foreach (var item in table) Walk(item);
            else leaves.Add(a.ToTensor<double>());
        }
        Walk(activity);
        return leaves;
    }

    internal static IActivity Copy(IActivity activity) => activity switch
    {
        Table table => new Table([.. table.Select(Copy)]),
        _ => activity.ToTensor<double>().Clone(),
    };

    private static IActivity RandomLike(IActivity activity, RandomGenerator random) => activity switch
    {
        Table table => new Table([.. table.Select(a => RandomLike(a, random))]),
        _ => activity.ToTensor<double>().NewLike().RandUniform(random, -1, 1),
    };

    private static double Dot(IActivity a, IActivity b)
    {
        var x = Leaves(a);
        var y = Leaves(b);
        double sum = 0;
        for (int i = 0; i < x.Count; i++) sum += x[i].Clone().CMul(y[i]).Sum();
        return sum;
    }

    private static Tensor<double> NewLike(this Tensor<double> tensor) =>
        tensor.Dim() == 0 ? Tensor<double>.Scalar(0) : new Tensor<double>(tensor.Size());
}
