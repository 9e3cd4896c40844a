namespace BigDL.Kernel.Tests.Install;

/// <summary>A fresh directory under the system's temporary folder, deleted with its content on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("bigdl-kernel-").FullName;

    public string Sub(params string[] parts)
    {
        string path = System.IO.Path.Combine([Path, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
