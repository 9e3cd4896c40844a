using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Loader;

namespace BigDL.Kernel.Packages;

/// <summary>
/// Makes the native libraries of resolved packages loadable: when a <c>DllImport</c> of any assembly fails the
/// runtime's own probing, looks for the library (<c>name</c>, <c>libname.so</c>, <c>name.so</c>; <c>.dylib</c> on macOS,
/// <c>.dll</c> on Windows) in the packages' native folders, in the order they were added.
/// </summary>
/// <remarks>Hooks <see cref="AssemblyLoadContext.ResolvingUnmanagedDll"/> of the default load context and of every load
/// context an assembly is loaded into later (scripting loads package assemblies into contexts of its own). This event
/// runs last, after any resolver a library sets with <see cref="NativeLibrary.SetDllImportResolver"/>, so it never
/// overrides one. Contexts are held weakly, so collectible ones can still unload. Dispose to unhook.</remarks>
public sealed class NativeLibraryResolver : IDisposable
{
    private readonly List<string> _folders = [];
    private readonly ConditionalWeakTable<AssemblyLoadContext, object?> _hooked = [];
    private readonly Lock _lock = new();

    /// <summary>A resolver hooked on the default load context and on every context that loads an assembly from now on.</summary>
    public NativeLibraryResolver()
    {
        AppDomain.CurrentDomain.AssemblyLoad += OnAssemblyLoad;
        foreach (var context in AssemblyLoadContext.All)
        {
            Hook(context);
        }
    }

    /// <summary>The folders searched, in order.</summary>
    public IReadOnlyList<string> Folders
    {
        get
        {
            lock (_lock)
            {
                return [.. _folders];
            }
        }
    }

    /// <summary>Adds the native folders of <paramref name="package"/>.</summary>
    public void Add(ResolvedPackage package)
    {
        ArgumentNullException.ThrowIfNull(package);
        AddFolders(package.NativeLibraryFolders);
    }

    /// <summary>Adds folders to search, after those already added.</summary>
    public void AddFolders(IEnumerable<string> folders)
    {
        ArgumentNullException.ThrowIfNull(folders);
        lock (_lock)
        {
            _folders.AddRange(folders.Select(Path.GetFullPath).Where(f => !_folders.Contains(f)).Distinct().ToList());
        }
    }

    /// <summary>The full path of the library <paramref name="name"/> in the folders, or null.</summary>
    public string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (Path.IsPathRooted(name))
        {
            return null;
        }

        return Folders.SelectMany(folder => Candidates(name).Select(file => Path.Combine(folder, file))).FirstOrDefault(File.Exists);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        AppDomain.CurrentDomain.AssemblyLoad -= OnAssemblyLoad;
        lock (_lock)
        {
            foreach (var (context, _) in _hooked)
            {
                context.ResolvingUnmanagedDll -= Resolve;
            }

            _hooked.Clear();
        }
    }

    private static IEnumerable<string> Candidates(string name)
    {
        yield return name;
        var suffix = OperatingSystem.IsWindows() ? ".dll" : OperatingSystem.IsMacOS() ? ".dylib" : ".so";
        if (!name.EndsWith(suffix, StringComparison.Ordinal))
        {
            if (!OperatingSystem.IsWindows())
            {
                yield return "lib" + name + suffix;
            }

            yield return name + suffix;
        }
    }

    private void OnAssemblyLoad(object? sender, AssemblyLoadEventArgs args)
    {
        if (AssemblyLoadContext.GetLoadContext(args.LoadedAssembly) is { } context)
        {
            Hook(context);
        }
    }

    private void Hook(AssemblyLoadContext context)
    {
        lock (_lock)
        {
            if (_hooked.TryAdd(context, null))
            {
                context.ResolvingUnmanagedDll += Resolve;
            }
        }
    }

    private IntPtr Resolve(Assembly assembly, string name) =>
        Find(name) is { } path && NativeLibrary.TryLoad(path, out var handle) ? handle : IntPtr.Zero;
}
