using System.Reflection;
using BigDL.Interop;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN;

/// <summary>Runs every family's gradient cases, and checks that they cover every module and criterion in the library.</summary>
public class GradientCatalogTests
{
    private static readonly IGradientCases[] Families = [.. typeof(GradientCatalogTests).Assembly.GetTypes()
        .Where(t => typeof(IGradientCases).IsAssignableFrom(t) && !t.IsInterface && !t.IsAbstract)
        .OrderBy(t => t.Name)
        .Select(t => (IGradientCases)Activator.CreateInstance(t)!)];

    private static readonly Dictionary<string, ModuleCase> ModuleCases = Families.SelectMany(f => f.Modules).ToDictionary(c => c.Name);
    private static readonly Dictionary<string, CriterionCase> CriterionCases = Families.SelectMany(f => f.Criterions).ToDictionary(c => c.Name);

    public static TheoryData<string> ModuleCaseNames => [.. ModuleCases.Keys.Order()];

    public static TheoryData<string> CriterionCaseNames => [.. CriterionCases.Keys.Order()];

    [Theory]
    [MemberData(nameof(ModuleCaseNames))]
    public void Module_GradientMatchesCentralDifferences(string name)
    {
        var c = ModuleCases[name];
        GradientChecker.CheckModule(c.Create(), c.Input(), c.Options);
    }

    [Theory]
    [MemberData(nameof(CriterionCaseNames))]
    public void Criterion_GradientMatchesCentralDifferences(string name)
    {
        var c = CriterionCases[name];
        GradientChecker.CheckCriterion(c.Create(), c.Input(), c.Target(), c.Options);
    }

    [Theory]
    [MemberData(nameof(ModuleCaseNames))]
    public void Module_CloneComputesTheSameAndSharesNothing(string name)
    {
        var c = ModuleCases[name];
        var original = c.Create();
        var clone = original.CloneModule();
        Assert.Equal(original.GetType(), clone.GetType());
        Assert.Equal(original.ToString(), clone.ToString());
        var input = c.Input();
        RandomGenerator.Default.SetSeed(3);
        var expected = GradientChecker.Leaves(GradientChecker.Copy(original.Forward(GradientChecker.Copy(input))));
        RandomGenerator.Default.SetSeed(3);
        var actual = GradientChecker.Leaves(clone.Forward(GradientChecker.Copy(input)));
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].AlmostEqual(actual[i], 0), $"{name}: output {i} of the clone differs");
        var originalWeights = original.Parameters().Weights;
        var cloneWeights = clone.Parameters().Weights;
        for (int i = 0; i < originalWeights.Length; i++)
            Assert.NotSame(originalWeights[i].Storage, cloneWeights[i].Storage);
    }

    [Theory]
    [MemberData(nameof(ModuleCaseNames))]
    public void Module_SavedAndLoaded_PrintsAndComputesTheSame(string name)
    {
        var c = ModuleCases[name];
        var original = c.Create();
        RandomGenerator.Default.SetSeed(4);
        original.Forward(GradientChecker.Copy(c.Input())); // a training pass moves running statistics away from their start
        original.Evaluate();
        string path = Path.Combine(Path.GetTempPath(), $"bigdl-roundtrip-{Guid.NewGuid():N}.bigdl");
        try
        {
            ModelFile.Save(original, path);
            var loaded = ModelFile.Load<double>(path);
            Assert.Equal(original.GetType(), loaded.GetType());
            Assert.Equal(original.ToString(), loaded.ToString());
            Assert.False(loaded.IsTraining);
            var input = c.Input();
            RandomGenerator.Default.SetSeed(5);
            var expected = GradientChecker.Leaves(GradientChecker.Copy(original.Forward(GradientChecker.Copy(input))));
            RandomGenerator.Default.SetSeed(5);
            var actual = GradientChecker.Leaves(loaded.Forward(GradientChecker.Copy(input)));
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].AlmostEqual(actual[i], 0), $"{name}: output {i} of the loaded model differs");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [MemberData(nameof(ModuleCaseNames))]
    public void Module_GetParametersMakesEveryParameterAViewOfOneFlatTensor(string name)
    {
        var module = ModuleCases[name].Create();
        var (flatWeights, flatGradients) = module.GetParameters();
        Assert.Equal(module.ParameterCount(), flatWeights.NElement());
        Assert.Equal(flatWeights.NElement(), flatGradients.NElement());
        if (flatWeights.NElement() == 0) return;
        flatWeights.Fill(0.25);
        flatGradients.Fill(-0.5);
        var (weights, gradients) = module.Parameters();
        Assert.All(weights, w => Assert.Equal(0.25 * w.NElement(), w.Sum()));
        Assert.All(gradients, g => Assert.Equal(-0.5 * g.NElement(), g.Sum()));
        var (again, _) = module.GetParameters();
        Assert.Same(flatWeights.Storage, again.Storage);
    }

    [Theory]
    [MemberData(nameof(ModuleCaseNames))]
    public void Module_WeightAndBiasPropertiesAreParameters(string name)
    {
        var module = ModuleCases[name].Create();
        var (weights, gradients) = module.Parameters();
        var listed = weights.Concat(gradients).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var property in module.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType != typeof(Tensor<double>)) continue;
            if (!(property.Name.Contains("Weight", StringComparison.Ordinal) || property.Name.Contains("Bias", StringComparison.Ordinal))) continue;
            if (property.GetValue(module) is { } tensor)
                Assert.True(listed.Contains(tensor), $"{name}: {property.Name} is missing from Parameters()");
        }
    }

    [Fact]
    public void EveryConcreteModule_HasAGradientCase()
    {
        var covered = ModuleCases.Values.Select(c => TypeName(c.Create().GetType())).ToHashSet();
        var missing = LibraryTypes(typeof(Module<>)).Where(n => !covered.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "modules without a gradient case: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryConcreteCriterion_HasAGradientCase()
    {
        var covered = CriterionCases.Values.Select(c => TypeName(c.Create().GetType())).ToHashSet();
        var missing = LibraryTypes(typeof(Criterion<>)).Where(n => !covered.Contains(n)).ToList();
        Assert.True(missing.Count == 0, "criterions without a gradient case: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> LibraryTypes(Type genericBase) => typeof(Module<>).Assembly.GetTypes()
        .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic && DerivesFrom(t, genericBase))
        .Select(TypeName);

    private static bool DerivesFrom(Type type, Type genericBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == genericBase) return true;
        return false;
    }

    private static string TypeName(Type type) => type.Name.Split('`')[0];
}
