using System.Runtime.InteropServices;

namespace BigDL.Native;

internal static partial class NativeMethods
{
    /// <summary><c>dlopen</c> flags (dlfcn.h): resolve now, and make the symbols visible to libraries loaded later.</summary>
    private const int RtldNow = 0x2, RtldGlobal = 0x100;

    // void* dlopen(const char* file, int mode) — in glibc's libc.so.6 since 2.34 (Debian 12 has 2.36).
    [LibraryImport("libc.so.6", EntryPoint = "dlopen", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint DlOpen(string file, int mode);

    /// <summary>
    /// Opens a shared library with <c>RTLD_GLOBAL</c> so that libraries loaded afterwards can bind to its symbols,
    /// which <see cref="NativeLibrary.Load(string)"/> does not do. Linux only; false when it cannot be opened.
    /// </summary>
    internal static bool TryLoadGlobally(string file) => OperatingSystem.IsLinux() && DlOpen(file, RtldNow | RtldGlobal) != 0;
}
