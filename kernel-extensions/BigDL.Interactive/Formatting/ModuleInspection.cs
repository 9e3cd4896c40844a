using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;
using System.Text.RegularExpressions;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// What a layer table needs to know about a module that <see cref="Module{T}"/> itself does not say: its last output,
/// whether it prints as a container, how BigDL names its type, and the values it keeps besides its parameters.
/// </summary>
internal static partial class ModuleInspection
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo> OutputProperties = new();
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StateProperties = new();

    /// <summary>The output of the module's last forward pass, or null when it has not run (its output is still empty).</summary>
    public static IActivity? LastOutput<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var output = (IActivity?)OutputProperties.GetOrAdd(module.GetType(), OutputProperty).GetValue(module);
        return output switch
        {
            Tensor<T> { IsEmpty: true } tensor when tensor.Dim() == 0 => null,
            Table { Count: 0 } => null,
            _ => output,
        };
    }

    /// <summary>
    /// True when the module is listed with its children: a container that prints them (Sequential, Concat, Graph …),
    /// not one that prints as a single layer (TemporalConvolution, Scale … are built from modules but print one line).
    /// </summary>
    public static bool IsExpanded<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T> =>
        module is IContainer<T> && module.ToString().Contains('\n', StringComparison.Ordinal);

    /// <summary>
    /// The type column: BigDL's one-line print without the <c>nn.</c> prefixes, e.g.
    /// <c>SpatialConvolution(1 -> 6, 5x5, 1, 1, 0, 0)</c>; just the type (<c>Sequential</c>) for an expanded container.
    /// </summary>
    public static string TypeText<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T>
    {
        string print = module.ToString();
        if (IsExpanded(module)) print = print[..print.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('{', ' ');
        return PrintPrefix().Replace(print, "");
    }

    /// <summary>The child modules of any container (printed as one or not); none for a layer.</summary>
    public static IReadOnlyList<Module<T>> Children<T>(Module<T> module) where T : unmanaged, IFloatingPointIeee754<T> =>
        module is IContainer<T> container ? container.Modules : [];

    /// <summary>
    /// Values of the public tensors the model's modules keep besides their parameters, gradients and outputs — running
    /// statistics of batch normalisation, fixed kernels — each tensor counted once.
    /// </summary>
    public static long NonTrainableCount<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var seen = new HashSet<object>(model.Parameters().Weights, ReferenceEqualityComparer.Instance);
        long count = 0;
        foreach (var module in PreOrder(model))
        {
            foreach (var property in StateProperties.GetOrAdd(module.GetType(), TensorProperties<T>))
                if (property.GetValue(module) is Tensor<T> tensor && seen.Add(tensor)) count += tensor.NElement();
        }
        return count;
    }

    /// <summary>The model and every module inside it, parents before children.</summary>
    public static IEnumerable<Module<T>> PreOrder<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        yield return model;
        foreach (var child in Children(model))
            foreach (var module in PreOrder(child)) yield return module;
    }

    [GeneratedRegex(@"\bnn\.")]
    private static partial Regex PrintPrefix();

    private static PropertyInfo OutputProperty(Type moduleType)
    {
        for (Type? t = moduleType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(AbstractModule<,,>))
                return t.GetProperty("Output", BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)!;
        }
        throw new ArgumentException($"{moduleType.Name} does not derive from AbstractModule<TIn, TOut, T>", nameof(moduleType));
    }

    private static PropertyInfo[] TensorProperties<T>(Type moduleType) where T : unmanaged, IFloatingPointIeee754<T> =>
        [.. moduleType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.PropertyType == typeof(Tensor<T>)
                        && p.Name is not ("Output" or "GradInput") && !p.Name.StartsWith("Grad", StringComparison.Ordinal))];
}
