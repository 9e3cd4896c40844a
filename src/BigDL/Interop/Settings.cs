using System.Reflection;
using BigDL.NN;

namespace BigDL.Interop;

/// <summary>
/// Configuration a module takes after construction (SpatialMaxPooling's <c>Ceil()</c>, View's <c>SetNumInputDims</c>):
/// its public properties of simple types that have a setter of any visibility, declared below the module base classes.
/// </summary>
internal static class Settings
{
    public static IEnumerable<PropertyInfo> Of(Type moduleType) =>
        moduleType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetSetMethod(nonPublic: true) is not null && p.GetIndexParameters().Length == 0 && IsSimple(p.PropertyType)
                        && !IsBase(p.DeclaringType!))
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static bool IsSimple(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string);
    }

    private static bool IsBase(Type declaring)
    {
        var definition = declaring.IsGenericType ? declaring.GetGenericTypeDefinition() : declaring;
        return definition == typeof(Module<>) || definition == typeof(AbstractModule<,,>);
    }
}
