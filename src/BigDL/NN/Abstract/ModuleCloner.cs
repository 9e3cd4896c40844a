using System.Reflection;
using System.Runtime.CompilerServices;

namespace BigDL.NN;

/// <summary>
/// Deep copy of a module graph: every object of this library reachable through instance fields (modules, tensors,
/// storages, tables, graph nodes, generators), every object of a type derived from one (a user's own layer or
/// criterion), and the arrays, lists, queues and stacks holding them is copied once,
/// so sharing inside the module (views of one storage, a layer used twice) is kept and nothing is shared with the
/// original. Modules keep no hash-keyed collections of objects in fields: their hash codes would not survive a copy.
/// </summary>
internal static class ModuleCloner
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    private static readonly Assembly Library = typeof(ModuleCloner).Assembly;

    public static TObject Clone<TObject>(TObject root) where TObject : class =>
        (TObject)Copy(root, new Dictionary<object, object>(ReferenceEqualityComparer.Instance))!;

    private static object? Copy(object? source, Dictionary<object, object> copies)
    {
        if (source is null) return null;
        var type = source.GetType();
        if (!NeedsCopy(type)) return source;
        if (copies.TryGetValue(source, out var existing)) return existing;

        if (source is Array array)
        {
            var arrayCopy = (Array)array.Clone();
            copies[source] = arrayCopy;
            if (!NeedsCopy(type.GetElementType()!) && !type.GetElementType()!.IsInterface && type.GetElementType() != typeof(object)) return arrayCopy;
            for (int i = 0; i < array.Length; i++) arrayCopy.SetValue(Copy(array.GetValue(i), copies), i);
            return arrayCopy;
        }

        var copy = RuntimeHelpers.GetUninitializedObject(type);
        copies[source] = copy;
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
            foreach (var field in t.GetFields(InstanceFields))
                field.SetValue(copy, Copy(field.GetValue(source), copies));
        return copy;
    }

    /// <summary>Whether <paramref name="type"/> is this library's or derives from one of its types.</summary>
    private static bool FromLibrary(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType)
            if (t.Assembly == Library) return true;
        return false;
    }

    private static bool NeedsCopy(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(Delegate).IsAssignableFrom(type)) return false;
        if (type.IsArray) return true;
        if (FromLibrary(type)) return true;
        return type.IsGenericType && type.Namespace == "System.Collections.Generic"
            && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(List<>) || definition == typeof(Queue<>) || definition == typeof(Stack<>));
    }
}
