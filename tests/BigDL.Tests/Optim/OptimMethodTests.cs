using System.Numerics;
using System.Reflection;
using System.Runtime.InteropServices;
using BigDL.Optim;
using BigDL.Tensors;
using static BigDL.Tests.Optim.OptimTesting;

namespace BigDL.Tests.Optim;

/// <summary>What every optimisation method promises: deep clones, an exact state round trip, history clearing.</summary>
public abstract class OptimMethodTests<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public static TheoryData<string> Methods => new() { "SGD", "SGD Nesterov", "Adam", "Adamax", "Adagrad", "Adadelta", "RMSprop", "Ftrl", "LBFGS", "LBFGS Wolfe" };

    private static OptimMethod<T> Create(string name) => name switch
    {
        "SGD" => new SGD<T>(0.05, 0.1, 0.01, 0.5, learningRateSchedule: new SequentialSchedule(2).Add(new Warmup(0.01), 2).Add(new Step(2, 0.5), 10),
            learningRates: new Tensor<T>([T.One, T.CreateTruncating(0.5), T.CreateTruncating(2)], 3)),
        "SGD Nesterov" => new SGD<T>(0.05, momentum: 0.9, dampening: 0, nesterov: true, weightDecays: Tensor<T>.Ones(3)),
        "Adam" => new Adam<T>(0.05, learningRateDecay: 0.1),
        "Adamax" => new Adamax<T>(0.05),
        "Adagrad" => new Adagrad<T>(0.05, weightDecay: 0.01),
        "Adadelta" => new Adadelta<T>(epsilon: 1e-4),
        "RMSprop" => new RMSprop<T>(0.05),
        "Ftrl" => new Ftrl<T>(0.1, l1RegularizationStrength: 0.05, l2ShrinkageRegularizationStrength: 0.01),
        "LBFGS" => new LBFGS<T>(maxIter: 2, nCorrection: 2, learningRate: 0.5),
        "LBFGS Wolfe" => new LBFGS<T>(maxIter: 1, lineSearch: new WolfeLineSearch<T>()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown method"),
    };

    private static void Steps(OptimMethod<T> method, Tensor<T> x, int count)
    {
        var feval = Quadratic<T>();
        for (int i = 0; i < count; i++) method.Optimize(feval, x);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void CloneMethod_SharesNoTensorAndContinuesIdentically(string name)
    {
        var method = Create(name);
        var x = Start<T>();
        Steps(method, x, 3);
        var clone = method.CloneMethod();
        Assert.IsType(method.GetType(), clone);
        Assert.NotSame(method.State, clone.State);
        Assert.Equal(method.State.Tensors.Keys.Order(), clone.State.Tensors.Keys.Order());
        var ours = Storages(method);
        foreach (var storage in Storages(clone)) Assert.DoesNotContain(ours, s => ReferenceEquals(s, storage));
        var y = x.Clone();
        Steps(method, x, 2);
        Steps(clone, y, 2);
        Assert.Equal(Bits(x), Bits(y));
        Assert.Equal(method.ToString(), clone.ToString());
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void StateRoundTrip_ReproducesTheNextUpdateBitForBit(string name)
    {
        var method = Create(name);
        var x = Start<T>();
        Steps(method, x, 3);
        var saved = method.State.Clone();
        var y = x.Clone();
        Steps(method, x, 1);

        var restored = Create(name);
        restored.State.CopyFrom(saved);
        Steps(restored, y, 1);
        Assert.Equal(Bits(x), Bits(y));
        Assert.Equal(method.State.Iteration, restored.State.Iteration);
        Assert.Equal(method.State.Scalars.OrderBy(p => p.Key), restored.State.Scalars.OrderBy(p => p.Key));
        foreach (var (key, tensor) in method.State.Tensors) Assert.Equal(Bits(tensor), Bits(restored.State.Tensors[key]));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void RebuiltFromProperties_BehavesTheSame(string name)
    {
        // What a persistence layer does: read each constructor argument back from the property of the same name.
        var method = Create(name);
        var type = method.GetType();
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters().Select(p => type.GetProperty(Pascal(p.Name!))!.GetValue(method)).ToArray();
        var rebuilt = (OptimMethod<T>)constructor.Invoke(arguments);
        var (x, y) = (Start<T>(), Start<T>());
        Steps(method, x, 4);
        Steps(rebuilt, y, 4);
        Assert.Equal(Bits(x), Bits(y));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void ClearHistory_DropsBuffersAndKeepsCounters(string name)
    {
        var method = Create(name);
        Steps(method, Start<T>(), 2);
        int iteration = method.State.Iteration;
        method.ClearHistory();
        Assert.Empty(method.State.Tensors);
        Assert.Equal(iteration, method.State.Iteration);
        Steps(method, Start<T>(), 1);
        Assert.NotEmpty(method.State.Tensors);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Optimize_ParameterChangedSizeWithoutClearHistory_ThrowsSayingSo(string name)
    {
        var method = Create(name);
        Steps(method, Start<T>(), 2);
        var bigger = new Tensor<T>(4).Fill(T.One);
        var e = Record.Exception(() => method.Optimize(p => (1, p.Clone()), bigger));
        // SGD's per-element tensors are checked first; every other method finds its state buffers of the old size.
        if (e is InvalidOperationException) Assert.Contains("ClearHistory", e.Message);
        else Assert.Contains("4 elements like the parameter [4], got 3 elements [3]", Assert.IsType<ArgumentException>(e).Message);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Optimize_NullOrEmptyArguments_Throw(string name)
    {
        var method = Create(name);
        Assert.Throws<ArgumentNullException>(() => method.Optimize(null!, Start<T>()));
        Assert.Throws<ArgumentNullException>(() => method.Optimize(Quadratic<T>(), null!));
        var e = Assert.Throws<ArgumentException>(() => method.Optimize(Quadratic<T>(), new Tensor<T>()));
        Assert.Equal("parameter", e.ParamName);
        Assert.Contains("at least one element", e.Message);
        Assert.Equal("feval", Assert.Throws<ArgumentException>(() => method.Optimize(_ => (0, null!), Start<T>())).ParamName);
    }

    [Fact]
    public void EveryConstructorArgument_IsAGetOnlyPropertyOfTheSameName_AndNoOtherFieldIsMutable()
    {
        var assembly = typeof(OptimMethod<>).Assembly;
        var types = assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsAbstract && t.Namespace == "BigDL.Optim"
            && (IsA(t, typeof(OptimMethod<>)) || t.IsSubclassOf(typeof(LearningRateSchedule)) || IsA(t, typeof(LineSearch<>)))).ToList();
        Assert.True(types.Count >= 19, $"found only {types.Count} types"); // 8 methods, 10 schedules, 1 line search
        foreach (var open in types)
        {
            var type = open.IsGenericTypeDefinition ? open.MakeGenericType(typeof(T)) : open;
            foreach (var parameter in type.GetConstructors().SelectMany(c => c.GetParameters()))
            {
                var property = type.GetProperty(Pascal(parameter.Name!), BindingFlags.Public | BindingFlags.Instance);
                Assert.True(property is not null, $"{type.Name}: constructor argument {parameter.Name} has no property {Pascal(parameter.Name!)}");
                Assert.True(property.SetMethod is null || !property.SetMethod.IsPublic, $"{type.Name}.{property.Name} has a public setter");
                Assert.True(parameter.ParameterType.IsAssignableFrom(property.PropertyType) || property.PropertyType.IsAssignableTo(Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType),
                    $"{type.Name}.{property.Name} is a {property.PropertyType.Name}, the argument a {parameter.ParameterType.Name}");
            }
            for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    Assert.True(field.IsInitOnly || field.Name == "<State>k__BackingField", $"{t.Name}.{field.Name} is a mutable field outside State");
            }
        }
    }

    private static bool IsA(Type type, Type openBase)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == openBase) return true;
        return false;
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    private static List<Storage<T>> Storages(OptimMethod<T> method)
    {
        var storages = method.State.Tensors.Values.Select(t => t.Storage!).ToList();
        foreach (var property in method.GetType().GetProperties().Where(p => p.PropertyType == typeof(Tensor<T>)))
            if (property.GetValue(method) is Tensor<T> tensor) storages.Add(tensor.Storage!);
        return storages;
    }

    private static byte[] Bits(Tensor<T> t) => MemoryMarshal.AsBytes(t.Contiguous().AsSpan()).ToArray();
}

public sealed class OptimMethodTestsFloat : OptimMethodTests<float>;

public sealed class OptimMethodTestsDouble : OptimMethodTests<double>;
