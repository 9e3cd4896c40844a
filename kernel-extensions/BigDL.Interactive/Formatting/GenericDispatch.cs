using System.Collections.Concurrent;
using System.Reflection;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Calls a method that is generic in the element type <c>T</c> of a value known only as an object, such as a
/// <c>Tensor&lt;T&gt;</c> inside a table or any <c>Module&lt;T&gt;</c> the registry hands to an open generic formatter.
/// The closed delegate is built once per runtime type.
/// </summary>
/// <typeparam name="TDelegate">The signature of the closed method, e.g. <c>Action&lt;object, TextWriter&gt;</c>.</typeparam>
internal sealed class GenericDispatch<TDelegate> where TDelegate : Delegate
{
    private readonly Type _definition;
    private readonly MethodInfo _method;
    private readonly ConcurrentDictionary<Type, TDelegate> _closed = new();

    /// <param name="definition">The generic type definition whose argument is <c>T</c>, e.g. <c>typeof(Tensor&lt;&gt;)</c>.</param>
    /// <param name="owner">The type declaring the method.</param>
    /// <param name="methodName">A static method with one type parameter and the signature of <typeparamref name="TDelegate"/>.</param>
    public GenericDispatch(Type definition, Type owner, string methodName)
    {
        _definition = definition;
        _method = owner.GetMethod(methodName, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new ArgumentException($"{owner.Name} has no static method {methodName}", nameof(methodName));
    }

    /// <summary>True when <paramref name="value"/> is an instance of the definition (or of a type derived from one).</summary>
    public bool Accepts(object value) => ElementType(value.GetType()) is not null;

    /// <summary>The method closed over the element type of <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not an instance of the definition.</exception>
    public TDelegate For(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _closed.GetOrAdd(value.GetType(), Close);
    }

    private TDelegate Close(Type type)
    {
        var element = ElementType(type)
            ?? throw new ArgumentException($"expected a {_definition.Name.Split('`')[0]}<T>, got {type.Name}", "value");
        return _method.MakeGenericMethod(element).CreateDelegate<TDelegate>();
    }

    private Type? ElementType(Type type)
    {
        for (Type? t = type; t is not null; t = t.BaseType)
            if (t.IsGenericType && t.GetGenericTypeDefinition() == _definition) return t.GetGenericArguments()[0];
        return null;
    }
}
