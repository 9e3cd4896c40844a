using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interop;

/// <summary>
/// Describes objects for a file: a module as its type, its constructor arguments (<see cref="ConstructorArguments"/>),
/// its name, mode and gradient scales, its weights and state buffers, and its children; any other object (an optim
/// method, a learning-rate schedule) as its type and constructor arguments. Tensors go to a table and are referenced
/// by index; a module or tensor met twice is written once and referenced after.
/// </summary>
internal sealed class ObjectEncoder<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Tensor<T>> _tensors = [];
    private readonly Dictionary<Tensor<T>, int> _tensorIds = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Module<T>, int> _moduleIds = new(ReferenceEqualityComparer.Instance);

    /// <summary>The tensors referenced so far, in table order.</summary>
    public IReadOnlyList<Tensor<T>> Tensors => _tensors;

    /// <summary>The description of <paramref name="module"/> and everything in it.</summary>
    /// <exception cref="NotSupportedException">A module does not follow the constructor-argument convention.</exception>
    public JsonObject Module(Module<T> module)
    {
        if (_moduleIds.TryGetValue(module, out int known)) return new JsonObject { ["$ref"] = known };
        int id = _moduleIds.Count;
        _moduleIds[module] = id;
        var children = module is IContainer<T> container ? container.Modules : [];
        var node = new JsonObject
        {
            ["$type"] = TypeNames.Of(module.GetType()),
            ["id"] = id,
            ["args"] = module is Graph<T> ? new JsonObject() : Arguments(module, children),
            ["training"] = module.IsTraining,
            ["scaleW"] = module.ScaleW,
            ["scaleB"] = module.ScaleB,
        };
        if (module.GivenName is { } name) node["name"] = name;
        var weights = module is IContainer<T> ? [] : module.Parameters().Weights;
        if (weights.Length > 0) node["weights"] = new JsonArray([.. weights.Select(w => (JsonNode)Tensor(w))]);
        var settings = new JsonObject();
        foreach (var property in Settings.Of(module.GetType())) settings[property.Name] = Value(property.GetValue(module));
        if (settings.Count > 0) node["settings"] = settings;
        var buffers = Buffers(module, weights);
        if (buffers.Count > 0) node["buffers"] = buffers;
        if (children.Count > 0) node["children"] = new JsonArray([.. children.Select(c => (JsonNode)Module(c))]);
        if (module is Graph<T> graph)
            node["graph"] = new JsonObject
            {
                ["predecessors"] = new JsonArray([.. graph.NodePredecessors.Select(p => (JsonNode)new JsonArray([.. p.Select(i => (JsonNode)i)]))]),
                ["inputs"] = new JsonArray([.. graph.InputNodes.Select(i => (JsonNode)i)]),
                ["outputs"] = new JsonArray([.. graph.OutputNodes.Select(i => (JsonNode)i)]),
            };
        return node;
    }

    /// <summary>An object other than a module: its type and constructor arguments.</summary>
    public JsonObject Object(object value) => new() { ["$type"] = TypeNames.Of(value.GetType()), ["args"] = Arguments(value, []) };

    /// <summary>The index of <paramref name="tensor"/> in the table, adding it the first time.</summary>
    public int Tensor(Tensor<T> tensor)
    {
        if (_tensorIds.TryGetValue(tensor, out int id)) return id;
        id = _tensors.Count;
        _tensors.Add(tensor);
        _tensorIds[tensor] = id;
        return id;
    }

    /// <summary>A constructor argument or state value.</summary>
    public JsonNode? Value(object? value) => value switch
    {
        null => null,
        bool or int or long or string => JsonValue.Create(value),
        double d => Number(d),
        float f => Number(f),
        Enum e => e.ToString(),
        System.Runtime.CompilerServices.ITuple tuple when value.GetType().IsValueType =>
            new JsonArray([.. Enumerable.Range(0, tuple.Length).Select(i => Value(tuple[i]))]),
        T t => Number(double.CreateTruncating(t)),
        Tensor<T> tensor => new JsonObject { ["$tensor"] = Tensor(tensor) },
        Module<T> module => Module(module),
        System.Collections.IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(Value)]),
        Delegate => throw new NotSupportedException("a delegate cannot be saved; use an equivalent that is described by its arguments"),
        _ => Object(value),
    };

    /// <summary>A double as a JSON number, or as the string "NaN", "Infinity", "-Infinity" (JSON has no such numbers).</summary>
    public static JsonNode Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private JsonObject Arguments(object value, IReadOnlyList<Module<T>> children)
    {
        var type = value.GetType();
        var args = new JsonObject();
        int child = 0;
        foreach (var parameter in ConstructorArguments.Constructor(type).GetParameters())
        {
            if (ConstructorArguments.IsInitializer(parameter)) continue;
            if (typeof(Module<T>).IsAssignableFrom(parameter.ParameterType) && child < children.Count)
            {
                args[parameter.Name!] = new JsonObject { ["$child"] = child++ };
                continue;
            }
            try
            {
                args[parameter.Name!] = Value(ConstructorArguments.Property(type, parameter).GetValue(value));
            }
            catch (NotSupportedException e) when (!e.Message.StartsWith("cannot save", StringComparison.Ordinal))
            {
                throw new NotSupportedException($"cannot save {ConstructorArguments.Describe(type)}: argument '{parameter.Name}': {e.Message}", e);
            }
        }
        return args;
    }

    /// <summary>State tensors beyond the weights (running statistics): public tensor properties, not gradients or outputs.</summary>
    private JsonObject Buffers(Module<T> module, Tensor<T>[] weights)
    {
        var buffers = new JsonObject();
        foreach (var property in StateTensors.Of(module.GetType()))
        {
            if (property.GetValue(module) is not Tensor<T> tensor || weights.Contains(tensor, ReferenceEqualityComparer.Instance)) continue;
            buffers[property.Name] = Tensor(tensor);
        }
        return buffers;
    }
}
