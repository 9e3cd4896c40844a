using System.Globalization;
using System.Numerics;
using System.Reflection;
using System.Text.Json.Nodes;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interop;

/// <summary>
/// Rebuilds what <see cref="ObjectEncoder{T}"/> described: a module tree is first built from types and constructor
/// arguments (children before their container, which gets them as constructor arguments or through its <c>Add</c>),
/// then its state is restored — weights, buffers, names, modes and scales — by walking the description and the
/// rebuilt tree side by side.
/// </summary>
internal sealed class ObjectDecoder<T>(IReadOnlyList<Tensor<T>> tensors, string file) where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Dictionary<int, Module<T>> _modules = [];

    /// <summary>The module described by <paramref name="node"/>, with its state.</summary>
    /// <exception cref="InvalidDataException">The description does not fit the types of this build.</exception>
    public Module<T> Module(JsonObject node)
    {
        var module = Build(node);
        Restore(node, module);
        return module;
    }

    /// <summary>An object that is not a module (an optim method, a schedule) from its type and constructor arguments.</summary>
    public object Object(JsonObject node)
    {
        var type = TypeNames.Resolve(Text(node, "$type"), typeof(T), file);
        return Construct(type, node["args"]?.AsObject() ?? [], []);
    }

    /// <summary>The objects (see <see cref="Object"/>) described by <paramref name="nodes"/>, each a <typeparamref name="TItem"/>.</summary>
    /// <exception cref="InvalidDataException">An item is null or of another type; the error calls the items <paramref name="what"/>.</exception>
    public TItem[] Objects<TItem>(JsonArray nodes, string what) where TItem : class =>
        [.. nodes.Select(node => Object(node?.AsObject() ?? throw new InvalidDataException($"{file}: a {what} is null")) as TItem
            ?? throw new InvalidDataException($"{file}: {(string?)node["$type"]} is not a {what}"))];

    /// <summary>
    /// Restores the state described by <paramref name="node"/> into <paramref name="module"/>, which must have the
    /// architecture described; else the error shows both, as "<paramref name="saved"/> (the saved one) but
    /// <paramref name="given"/> (<paramref name="module"/>)".
    /// </summary>
    /// <exception cref="InvalidDataException">The architectures differ.</exception>
    public void RestoreInto(JsonObject node, Module<T> module, string saved, string given)
    {
        var architecture = Module(node);
        if (architecture.ToString() != module.ToString())
            throw new InvalidDataException($"{file}: {saved}\n{architecture}\nbut {given}\n{module}");
        Restore(node, module);
    }

    /// <summary>The table's tensor <paramref name="index"/>.</summary>
    public Tensor<T> Tensor(int index) =>
        index >= 0 && index < tensors.Count ? tensors[index] : throw new InvalidDataException($"{file}: tensor {index} is referenced but the table has {tensors.Count}");

    /// <summary>A constructor argument or state value converted to <paramref name="target"/>.</summary>
    public object? Value(JsonNode? node, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        if (node is null) return target.IsValueType && underlying is null ? throw new InvalidDataException($"{file}: null given for a {target.Name}") : null;
        target = underlying ?? target;
        if (target == typeof(bool)) return (bool)node;
        if (target == typeof(int)) return (int)node;
        if (target == typeof(long)) return (long)node;
        if (target == typeof(double)) return Number(node);
        if (target == typeof(float)) return (float)Number(node);
        if (target == typeof(T)) return T.CreateTruncating(Number(node));
        if (target == typeof(string)) return (string?)node;
        if (target.IsEnum) return Enum.Parse(target, (string)node!);
        if (target.IsValueType && target.IsGenericType && target.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal))
        {
            var itemTypes = target.GetGenericArguments();
            var items = node.AsArray();
            return Activator.CreateInstance(target, [.. itemTypes.Select((t, i) => Value(items[i], t))]);
        }
        if (target.IsArray || (target.IsGenericType && target.GetGenericTypeDefinition() is var g
            && (g == typeof(IEnumerable<>) || g == typeof(IReadOnlyList<>) || g == typeof(IReadOnlyCollection<>) || g == typeof(IList<>))))
        {
            var element = target.IsArray ? target.GetElementType()! : target.GetGenericArguments()[0];
            var items = node.AsArray();
            var array = Array.CreateInstance(element, items.Count);
            for (int i = 0; i < items.Count; i++) array.SetValue(Value(items[i], element), i);
            return array;
        }
        var obj = node.AsObject();
        if (obj["$tensor"] is { } tensor) return Tensor((int)tensor);
        if (typeof(Module<T>).IsAssignableFrom(target)) return Module(obj);
        return Object(obj);
    }

    /// <summary>A number written by <see cref="ObjectEncoder{T}.Number"/>.</summary>
    public static double Number(JsonNode node) =>
        node.GetValueKind() == System.Text.Json.JsonValueKind.String ? double.Parse((string)node!, CultureInfo.InvariantCulture) : (double)node;

    private Module<T> Build(JsonObject node)
    {
        if (node["$ref"] is { } reference) return Known((int)reference);
        var type = TypeNames.Resolve(Text(node, "$type"), typeof(T), file);
        if (!typeof(Module<T>).IsAssignableFrom(type)) throw new InvalidDataException($"{file}: {type.Name} is not a module of {typeof(T).Name}");
        var children = (node["children"]?.AsArray() ?? []).Select(c => Build(c!.AsObject())).ToList();
        var module = type.GetGenericTypeDefinition() == typeof(Graph<>)
            ? BuildGraph(node, children)
            : (Module<T>)Construct(type, node["args"]?.AsObject() ?? [], children);
        if (module is IContainer<T> container && container.Modules.Count == 0 && children.Count > 0) AddChildren(module, children);
        _modules[(int)node["id"]!] = module;
        return module;
    }

    private void Restore(JsonObject node, Module<T> module)
    {
        if (node["$ref"] is not null) return;
        if (node["training"] is { } training) { if ((bool)training) module.Training(); else module.Evaluate(); }
        if (node["scaleW"] is { } scaleW) module.SetScaleW((double)scaleW);
        if (node["scaleB"] is { } scaleB) module.SetScaleB((double)scaleB);
        if (node["name"] is { } name) module.SetName((string)name!);
        foreach (var (key, value) in node["settings"]?.AsObject() ?? [])
        {
            var property = module.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance)
                ?? throw new InvalidDataException($"{file}: {module.Label} has no setting {key}");
            property.SetValue(module, Value(value, property.PropertyType));
        }
        var saved = node["weights"]?.AsArray() ?? [];
        var weights = module is IContainer<T> ? [] : module.Parameters().Weights;
        if (saved.Count != weights.Length)
            throw new InvalidDataException($"{file}: {module.Label} has {weights.Length} weight tensors, the file {saved.Count}");
        for (int i = 0; i < weights.Length; i++)
        {
            var source = Tensor((int)saved[i]!);
            if (!weights[i].IsSameSizeAs(source))
                throw new InvalidDataException(
                    $"{file}: {module.Label} weight {i} is [{string.Join(", ", weights[i].Size())}], the file's [{string.Join(", ", source.Size())}]");
            weights[i].Copy(source);
        }
        foreach (var (key, value) in node["buffers"]?.AsObject() ?? [])
        {
            var property = module.GetType().GetProperty(key, BindingFlags.Public | BindingFlags.Instance);
            if (property?.GetValue(module) is not Tensor<T> buffer)
                throw new InvalidDataException($"{file}: {module.Label} has no state tensor {key}");
            var source = Tensor((int)value!);
            buffer.ResizeAs(source).Copy(source);
        }
        var children = node["children"]?.AsArray() ?? [];
        var modules = module is IContainer<T> container ? container.Modules : [];
        if (children.Count != modules.Count)
            throw new InvalidDataException($"{file}: {module.Label} was rebuilt with {modules.Count} children, the file has {children.Count}");
        for (int i = 0; i < children.Count; i++) Restore(children[i]!.AsObject(), modules[i]);
    }

    private object Construct(Type type, JsonObject args, IReadOnlyList<Module<T>> children)
    {
        var constructor = ConstructorArguments.Constructor(type);
        var parameters = constructor.GetParameters();
        var values = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            if (ConstructorArguments.IsInitializer(p) || !args.ContainsKey(p.Name!))
            {
                values[i] = p.HasDefaultValue ? p.DefaultValue : !p.ParameterType.IsValueType ? null
                    : throw new InvalidDataException($"{file}: {type.Name} needs argument '{p.Name}', which the file does not give");
                continue;
            }
            var arg = args[p.Name!];
            values[i] = arg is JsonObject o && o["$child"] is { } child ? children[(int)child] : Value(arg, p.ParameterType);
        }
        try
        {
            return constructor.Invoke(values);
        }
        catch (TargetInvocationException e) when (e.InnerException is ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{file}: rebuilding {ConstructorArguments.Describe(type)} failed: {e.InnerException.Message}", e.InnerException);
        }
    }

    /// <summary>Adds the children through the container's public <c>Add</c> (Sequential, Concat, Recurrent, …).</summary>
    private void AddChildren(Module<T> container, IReadOnlyList<Module<T>> children)
    {
        var adds = container.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == "Add" && m.GetParameters().Length >= 1 && m.GetParameters().Skip(1).All(p => p.HasDefaultValue)).ToArray();
        foreach (var child in children)
        {
            var add = adds.FirstOrDefault(m => m.GetParameters()[0].ParameterType.IsInstanceOfType(child))
                ?? throw new InvalidDataException($"{file}: {container.Label} has no Add that takes a {child.GetType().Name}");
            add.Invoke(container, [child, .. add.GetParameters().Skip(1).Select(p => p.DefaultValue)]);
        }
    }

    private Graph<T> BuildGraph(JsonObject node, List<Module<T>> modules)
    {
        var graph = node["graph"]?.AsObject() ?? throw new InvalidDataException($"{file}: a graph without its node structure");
        var predecessors = graph["predecessors"]!.AsArray();
        var nodes = new ModuleNode<T>[modules.Count];
        for (int i = 0; i < nodes.Length; i++)
            nodes[i] = new ModuleNode<T>(modules[i], [.. predecessors[i]!.AsArray().Select(p => nodes[(int)p!])]);
        return new Graph<T>([.. graph["inputs"]!.AsArray().Select(i => nodes[(int)i!])], [.. graph["outputs"]!.AsArray().Select(i => nodes[(int)i!])]);
    }

    private Module<T> Known(int id) =>
        _modules.TryGetValue(id, out var module) ? module : throw new InvalidDataException($"{file}: module {id} is referenced before it is described");

    private string Text(JsonObject node, string key) => (string?)node[key] ?? throw new InvalidDataException($"{file}: an object without '{key}'");
}
