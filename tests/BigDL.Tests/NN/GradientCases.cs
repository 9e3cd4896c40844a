using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN;

/// <summary>A module to gradient-check: how to build it, an input, and the check's options.</summary>
/// <param name="Name">Unique, readable case name, e.g. <c>Linear batch</c>.</param>
public sealed record ModuleCase(string Name, Func<Module<double>> Create, Func<IActivity> Input, GradientChecker.Options? Options = null);

/// <summary>A criterion to gradient-check: how to build it, an input and a target.</summary>
/// <param name="Name">Unique, readable case name, e.g. <c>ClassNLLCriterion weighted</c>.</param>
public sealed record CriterionCase(string Name, Func<Criterion<double>> Create, Func<IActivity> Input, Func<IActivity> Target,
    GradientChecker.Options? Options = null);

/// <summary>
/// A family's gradient-check cases. Every implementation is found by reflection; together they must cover every
/// concrete module and criterion of the library (see <see cref="GradientCatalogTests"/>).
/// </summary>
public interface IGradientCases
{
    /// <summary>Module cases (batch and non-batch inputs where the module takes both).</summary>
    IEnumerable<ModuleCase> Modules { get; }

    /// <summary>Criterion cases.</summary>
    IEnumerable<CriterionCase> Criterions { get; }
}

/// <summary>Seeded random inputs for cases.</summary>
public static class CaseData
{
    /// <summary>Uniform values in [−1, 1) of the given sizes, from a generator seeded with <paramref name="seed"/>.</summary>
    public static Tensor<double> Uniform(ulong seed, params int[] sizes) =>
        new Tensor<double>(sizes).RandUniform(new RandomGenerator(seed), -1, 1);

    /// <summary>Uniform values whose magnitude is at least <paramref name="gap"/> (keeps inputs off kinks such as 0 for ReLU/Abs).</summary>
    public static Tensor<double> AwayFromZero(ulong seed, double gap, params int[] sizes) =>
        Uniform(seed, sizes).Apply(v => v >= 0 ? v + gap : v - gap);

    /// <summary>0-based class labels in [0, classes) as a tensor [n].</summary>
    public static Tensor<double> Labels(ulong seed, int n, int classes)
    {
        var random = new RandomGenerator(seed);
        var labels = new Tensor<double>(n);
        for (int i = 0; i < n; i++) labels[i] = random.NextUInt32() % (uint)classes;
        return labels;
    }
}
