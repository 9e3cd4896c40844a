using System.Reflection;

namespace BigDL.Interop;

/// <summary>
/// The convention that lets an object be saved as its type and constructor arguments: its public constructor with
/// the most parameters, each parameter read back from the public property of the same name (PascalCase). Parameters
/// that only choose an initialisation (an <c>initWeight</c> tensor, an initialisation method) are not needed, as the
/// saved values replace what they would produce.
/// </summary>
internal static class ConstructorArguments
{
    /// <summary>The constructor a saved object of <paramref name="type"/> is rebuilt with.</summary>
    /// <exception cref="NotSupportedException">The type has no public constructor.</exception>
    public static ConstructorInfo Constructor(Type type) =>
        type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
        ?? throw new NotSupportedException($"cannot save or load {Describe(type)}: it has no public constructor");

    /// <summary>Whether a parameter only chooses an initialisation and is left at its default when rebuilding.</summary>
    public static bool IsInitializer(ParameterInfo parameter) =>
        parameter.ParameterType.Name == "InitializationMethod"
        || (parameter.Name!.StartsWith("init", StringComparison.Ordinal) && parameter.ParameterType.Name.StartsWith("Tensor", StringComparison.Ordinal));

    /// <summary>
    /// BigDL's short argument names and the properties that hold them, for parameters whose property is not simply
    /// the name in PascalCase (tried only when no property of that name exists).
    /// </summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["ip"] = "InPlace",
        ["kW"] = "KernelW",
        ["kH"] = "KernelH",
        ["dW"] = "StrideW",
        ["dH"] = "StrideH",
        ["sizeH"] = "FactorH",
        ["sizeW"] = "FactorW",
        ["power"] = "PowerValue",
        ["dim"] = "Dimension",
        ["numInputDims"] = "NInputDims",
        ["min"] = "MinValue",
        ["max"] = "MaxValue",
        ["nOutputDim1"] = "NOutputDim",
        ["scale"] = "FactorH",
        ["initP"] = "P",
    };

    /// <summary>The property that holds <paramref name="parameter"/>'s value on an object of <paramref name="type"/>.</summary>
    /// <exception cref="NotSupportedException">There is no such property.</exception>
    public static PropertyInfo Property(Type type, ParameterInfo parameter)
    {
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;
        string name = parameter.Name!;
        return type.GetProperty(name, Flags)
            ?? (Aliases.TryGetValue(name, out var alias) ? type.GetProperty(alias, Flags) : null)
            ?? throw new NotSupportedException(
                $"cannot save {Describe(type)}: its constructor argument '{name}' has no public property {char.ToUpperInvariant(name[0]) + name[1..]} to read it back from");
    }

    /// <summary>A readable type name: <c>Linear&lt;Single&gt;</c>.</summary>
    public static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name.Split('`')[0]}<{string.Join(", ", type.GetGenericArguments().Select(a => a.Name))}>" : type.Name;
}
