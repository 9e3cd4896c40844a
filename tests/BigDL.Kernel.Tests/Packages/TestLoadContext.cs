using System.Reflection;
using System.Runtime.Loader;

namespace BigDL.Kernel.Tests.Packages;

/// <summary>A collectible load context that loads the given assemblies by name, as a script host would.</summary>
internal sealed class TestLoadContext(IEnumerable<string> assemblyPaths) : AssemblyLoadContext(isCollectible: true)
{
    private readonly Dictionary<string, string> _paths = assemblyPaths.ToDictionary(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase);

    /// <summary>Calls the static method <paramref name="typeAndMethod"/> (<c>Namespace.Type.Method</c>) of the
    /// assembly <paramref name="assemblyName"/> in a fresh context holding <paramref name="assemblyPaths"/>.</summary>
    public static object? Call(IEnumerable<string> assemblyPaths, string assemblyName, string typeAndMethod)
    {
        var context = new TestLoadContext(assemblyPaths);
        try
        {
            var assembly = context.LoadFromAssemblyName(new AssemblyName(assemblyName));
            var dot = typeAndMethod.LastIndexOf('.');
            var type = assembly.GetType(typeAndMethod[..dot], throwOnError: true)!;
            return type.GetMethod(typeAndMethod[(dot + 1)..])!.Invoke(null, null);
        }
        finally
        {
            context.Unload();
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName) =>
        _paths.TryGetValue(assemblyName.Name!, out var path) ? LoadFromAssemblyPath(path) : null;
}
