using BigDL.Distributed.Cluster;

namespace BigDL.Distributed.Tests.Cluster;

/// <summary>
/// Finding the worker: next to the library, next to the application, in the application's <c>bigdl-worker/</c>, and
/// in the BigDL package's layout (<c>lib/net10.0/</c> beside <c>tools/bigdl-worker/</c>), in that order; when it is nowhere, the error lists where it looked.
/// </summary>
public sealed class WorkerExecutableTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("bigdl-worker-locate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Folder(params string[] parts) => Directory.CreateDirectory(Path.Combine([_root, .. parts])).FullName;

    private static string PutWorker(string folder)
    {
        string path = Path.Combine(folder, "bigdl-worker.dll");
        File.WriteAllBytes(path, []);
        return path;
    }

    [Fact]
    public void Locate_InThePackageLayout_FindsTheWorkerInTools()
    {
        string lib = Folder("bigdl", "0.1.0", "lib", "net10.0");
        string worker = PutWorker(Folder("bigdl", "0.1.0", "tools", "bigdl-worker"));

        Assert.Equal(worker, WorkerExecutable.Locate(lib, Folder("app")));
    }

    [Fact]
    public void Locate_NextToTheLibraryOrTheApplication_ComesBeforeThePackageLayout()
    {
        string lib = Folder("bigdl", "0.1.0", "lib", "net10.0"), app = Folder("app");
        PutWorker(Folder("bigdl", "0.1.0", "tools", "bigdl-worker"));
        string besideApp = PutWorker(app);
        Assert.Equal(besideApp, WorkerExecutable.Locate(lib, app));

        string besideLibrary = PutWorker(lib);
        Assert.Equal(besideLibrary, WorkerExecutable.Locate(lib, app));
    }

    [Fact]
    public void Locate_InTheApplicationsWorkerFolder_FindsWhatThePackagesBuildCopiedThere()
    {
        string lib = Folder("app"), app = lib; // an application's output: the package's assemblies beside its own
        string worker = PutWorker(Folder("app", "bigdl-worker"));

        Assert.Equal(worker, WorkerExecutable.Locate(lib, app));
    }

    [Fact]
    public void Locate_Nowhere_NamesEveryFolderItLookedIn()
    {
        string lib = Folder("bigdl", "0.1.0", "lib", "net10.0"), app = Folder("app");

        var e = Assert.Throws<FileNotFoundException>(() => WorkerExecutable.Locate(lib, app));

        Assert.StartsWith($"no bigdl-worker.dll in {lib} or {app} or {Path.Combine(app, "bigdl-worker")} or {Path.Combine(_root, "bigdl", "0.1.0", "tools", "bigdl-worker")} ", e.Message);
        Assert.Contains("set BIGDL_WORKER", e.Message);
    }
}
