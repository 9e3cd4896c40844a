namespace BigDL.Interop;

/// <summary>
/// How saved files name types: the generic definition's full name and its assembly (<c>BigDL.NN.Linear`1, BigDL</c>),
/// without the element type, so a model saved in float loads in double too.
/// </summary>
internal static class TypeNames
{
    public static string Of(Type type)
    {
        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return $"{definition.FullName}, {definition.Assembly.GetName().Name}";
    }

    /// <summary>The type named <paramref name="name"/>, closed over <paramref name="element"/> when it is generic.</summary>
    /// <exception cref="InvalidDataException">No such type is loaded.</exception>
    public static Type Resolve(string name, Type element, string file)
    {
        var type = Type.GetType(name, throwOnError: false)
            ?? throw new InvalidDataException($"{file}: names type '{name}', which is not loaded in this process (a newer BigDL, or a custom module's assembly missing?)");
        if (!type.IsGenericTypeDefinition) return type;
        if (type.GetGenericArguments().Length != 1)
            throw new InvalidDataException($"{file}: type '{name}' has {type.GetGenericArguments().Length} type parameters; saved types have one (the element type)");
        return type.MakeGenericType(element);
    }
}
