using System.Reflection;
using BigDL.Kernel.Packages;

namespace BigDL.Kernel.Tests.Packages;

[Collection(PackageTestCollection.Name)]
public sealed class NativeLibraryResolverTests(PackageFeedFixture feeds)
{
    [Theory]
    [InlineData("foo", "libfoo.so")]
    [InlineData("libfoo", "libfoo.so")]
    [InlineData("libfoo.so", "libfoo.so")]
    [InlineData("bar", "bar.so")]
    [InlineData("baz", "baz")]
    public void Find_TriesTheNameAndItsLibraryFileNames(string name, string file)
    {
        var folder = Folder($"find-{name}", file);
        using var resolver = new NativeLibraryResolver();
        resolver.AddFolders([folder]);

        Assert.Equal(Path.Combine(folder, file), resolver.Find(name));
        Assert.Null(resolver.Find("absent"));
    }

    [Fact]
    public void Find_EarlierFolderWins()
    {
        var first = Folder("first", "libfoo.so");
        var second = Folder("second", "libfoo.so");
        using var resolver = new NativeLibraryResolver();
        resolver.AddFolders([first, second, first]);

        Assert.Equal([first, second], resolver.Folders);
        Assert.Equal(Path.Combine(first, "libfoo.so"), resolver.Find("foo"));
    }

    [Fact]
    public void DllImport_FromAScriptLikeLoadContext_IsResolvedOnlyOnceTheFolderIsAdded()
    {
        var folder = Path.GetDirectoryName(feeds.CopyNativeLibrary("resolver-context", "libfoo.so"))!;
        var before = Caller("Demo.Caller.Before");
        var after = Caller("Demo.Caller.After");
        using var resolver = new NativeLibraryResolver();

        var missing = Assert.Throws<TargetInvocationException>(() => TestLoadContext.Call([before], "Demo.Caller.Before", "Demo.Caller.Before.Native.Pid"));
        resolver.AddFolders([folder]);
        var pid = TestLoadContext.Call([after], "Demo.Caller.After", "Demo.Caller.After.Native.Pid");

        Assert.IsType<DllNotFoundException>(missing.InnerException);
        Assert.Equal(Environment.ProcessId, pid);
    }

    [Fact]
    public void DllImport_FromTheDefaultLoadContext_IsResolved()
    {
        var folder = Path.GetDirectoryName(feeds.CopyNativeLibrary("resolver-default", "libfoo.so"))!;
        using var resolver = new NativeLibraryResolver();
        resolver.AddFolders([folder]);

        var assembly = Assembly.LoadFrom(Caller("Demo.Caller.Default"));
        var pid = assembly.GetType("Demo.Caller.Default.Native")!.GetMethod("Pid")!.Invoke(null, null);

        Assert.Equal(Environment.ProcessId, pid);
    }

    [Fact]
    public void Dispose_Unhooks()
    {
        var folder = Path.GetDirectoryName(feeds.CopyNativeLibrary("resolver-disposed", "libfoo.so"))!;
        var resolver = new NativeLibraryResolver();
        resolver.AddFolders([folder]);
        resolver.Dispose();

        var error = Assert.Throws<TargetInvocationException>(
            () => TestLoadContext.Call([Caller("Demo.Caller.Disposed")], "Demo.Caller.Disposed", "Demo.Caller.Disposed.Native.Pid"));

        Assert.IsType<DllNotFoundException>(error.InnerException);
    }

    private string Caller(string name) =>
        TestCompiler.Compile(name, PackageFeedFixture.NativeCaller(name), Path.Combine(feeds.Root, "staging", name));

    private string Folder(string name, string file)
    {
        var folder = Directory.CreateDirectory(Path.Combine(feeds.Root, "natives", name)).FullName;
        File.WriteAllText(Path.Combine(folder, file), "");
        return folder;
    }
}
