using System.Buffers;
using System.IO.MemoryMappedFiles;
using System.Security.Cryptography;
using System.Text;

namespace BigDL.Distributed.Transport.Shared;

/// <summary>
/// One direction of a link between two ranks on the same machine: a file in <c>/dev/shm</c>, mapped by both, with a
/// slot for each kind of bulk payload (gradient slices, weight slices). The sender copies a payload into its slot and
/// marks it busy; the frame on the TCP link then carries only where it lies; the receiver reads the values in place
/// and frees the slot when it releases the frame. One copy of the bytes instead of two through the kernel's socket
/// buffers, and no TCP stack in between.
/// </summary>
/// <remarks>
/// Layout: a 64-byte header — the receiver's "attached" flag (int at 0), then one busy flag per slot (ints at 8, 16) —
/// followed by the slots, each of <see cref="SlotBytes"/>, at 64-byte boundaries. The sender creates the file before
/// its mesh links are dialled or accepted, so it exists once a handshake with its peer completes; the receiver maps it
/// then and sets "attached", and only then does the sender use it (a receiver on another machine never attaches).
/// </remarks>
internal sealed unsafe class SharedPayloadFile : IDisposable
{
    /// <summary>Slots, one per frame type that may travel through the file.</summary>
    public const int Slots = 2;

    private const int HeaderBytes = 64;
    private const string Folder = "/dev/shm";

    private readonly MemoryMappedFile _file;
    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _base;
    private readonly SlotMemory[] _memories = new SlotMemory[Slots];
    private string? _path; // deleted once the receiver has attached (or on dispose)
    private int _disposed;

    private SharedPayloadFile(MemoryMappedFile file, string path, int slotBytes, bool owner)
    {
        _file = file;
        _view = file.CreateViewAccessor(0, Length(slotBytes), MemoryMappedFileAccess.ReadWrite);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _base = pointer + _view.PointerOffset;
        _path = owner ? path : null;
        SlotBytes = slotBytes;
        for (int s = 0; s < Slots; s++) _memories[s] = new SlotMemory(this, s);
    }

    /// <summary>Bytes each slot holds.</summary>
    public int SlotBytes { get; }

    /// <summary>Whether the receiver has mapped the file (so payloads may go through it).</summary>
    public bool ReceiverAttached => Volatile.Read(ref *(int*)_base) != 0;

    /// <summary>The file of the link from <paramref name="from"/> to <paramref name="to"/> in generation <paramref name="generation"/> of job <paramref name="jobId"/>.</summary>
    public static string PathFor(string jobId, int generation, int from, int to) => Path.Combine(Folder, $"{Prefix(jobId)}g{generation}-{from}to{to}");

    /// <summary>The files of job <paramref name="jobId"/> that exist now.</summary>
    public static string[] FilesOf(string jobId) => Directory.Exists(Folder) ? Directory.GetFiles(Folder, Prefix(jobId) + "*") : [];

    /// <summary>Deletes every file job <paramref name="jobId"/> left behind (its workers were killed before they could); returns how many.</summary>
    public static int DeleteLeftovers(string jobId)
    {
        int deleted = 0;
        foreach (var path in FilesOf(jobId))
        {
            try
            {
                File.Delete(path);
                deleted++;
            }
            catch (IOException)
            {
                // Gone already, or not ours to delete.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return deleted;
    }

    /// <summary>
    /// Creates the sender's file at <paramref name="path"/> with slots of <paramref name="slotBytes"/>, its memory
    /// reserved at once; null when the machine has no <c>/dev/shm</c> or not that much room in it (a container's small
    /// <c>/dev/shm</c>: the link then uses its socket rather than fault on a page the file cannot get).
    /// </summary>
    public static SharedPayloadFile? Create(string path, int slotBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slotBytes, 1);
        if (!Directory.Exists(Folder)) return null;
        try
        {
            // Preallocating (fallocate) reserves the pages now: on a full tmpfs it fails here, not as a fault later.
            var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, FileOptions.None, Length(slotBytes));
            var file = MemoryMappedFile.CreateFromFile(handle, null, Length(slotBytes), MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            return new SharedPayloadFile(file, path, slotBytes, owner: true);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Maps the peer's file at <paramref name="path"/> as its receiver and says so; null when it is not there (the peer is on another machine) or has another size.</summary>
    public static SharedPayloadFile? Attach(string path, int slotBytes)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length != Length(slotBytes)) return null;
            var file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.ReadWrite);
            var attached = new SharedPayloadFile(file, path, slotBytes, owner: false);
            Volatile.Write(ref *(int*)attached._base, 1);
            return attached;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether slot <paramref name="slot"/> holds a payload the receiver has not released yet.</summary>
    public bool IsBusy(int slot) => Volatile.Read(ref *Flag(slot)) != 0;

    /// <summary>The sender's side: copies <paramref name="payload"/> into free slot <paramref name="slot"/> and marks it busy.</summary>
    /// <exception cref="InvalidOperationException">The slot is busy, or the payload does not fit.</exception>
    public void Fill(int slot, ReadOnlySpan<byte> payload)
    {
        if (IsBusy(slot)) throw new InvalidOperationException($"shared slot {slot} is still busy");
        if (payload.Length > SlotBytes) throw new InvalidOperationException($"a payload of {payload.Length} bytes does not fit a shared slot of {SlotBytes}");
        payload.CopyTo(new Span<byte>(Slot(slot), SlotBytes));
        Volatile.Write(ref *Flag(slot), 1);
        ForgetPath();
    }

    /// <summary>The receiver's side: the first <paramref name="length"/> bytes of slot <paramref name="slot"/>, freed by <see cref="Free"/> (or by the transport's release of the payload).</summary>
    /// <exception cref="InvalidDataException">The slot or length does not fit the file, or the slot holds no payload.</exception>
    public ReadOnlyMemory<byte> Read(int slot, int length)
    {
        if ((uint)slot >= Slots || length < 0 || length > SlotBytes)
            throw new InvalidDataException($"expected a shared slot below {Slots} of at most {SlotBytes} bytes, got slot {slot} of {length} bytes");
        if (!IsBusy(slot)) throw new InvalidDataException($"shared slot {slot} holds no payload");
        return _memories[slot].Memory[..length];
    }

    /// <summary>Frees slot <paramref name="slot"/> for the sender's next payload.</summary>
    public void Free(int slot) => Volatile.Write(ref *Flag(slot), 0);

    /// <summary>Unmaps the file; the sender's side deletes it if that has not happened yet (the receiver never attached).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        if (Interlocked.Exchange(ref _path, null) is { } path) File.Delete(path);
        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
        _file.Dispose();
    }

    private static long Length(int slotBytes) => HeaderBytes + (long)Slots * Align(slotBytes);

    private static long Align(int bytes) => (bytes + 63L) & ~63L;

    private static string Prefix(string jobId) => $"bigdl-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobId)))[..16]}-";

    private int* Flag(int slot) => (int*)(_base + 8 + (8 * slot));

    private byte* Slot(int slot) => _base + HeaderBytes + (slot * Align(SlotBytes));

    // The name is only needed until the receiver has mapped the file; deleting it then leaves nothing behind if a process is killed.
    private void ForgetPath()
    {
        if (Volatile.Read(ref _path) is null || !ReceiverAttached) return;
        if (Interlocked.Exchange(ref _path, null) is { } path) File.Delete(path);
    }

    /// <summary>A slot's bytes as <see cref="Memory{T}"/>; releasing a payload of it frees the slot.</summary>
    internal sealed class SlotMemory(SharedPayloadFile file, int slot) : MemoryManager<byte>
    {
        /// <summary>Frees the slot.</summary>
        public void Free() => file.Free(slot);

        public override Span<byte> GetSpan() => new(file.Slot(slot), file.SlotBytes);

        public override MemoryHandle Pin(int elementIndex = 0) => new(file.Slot(slot) + elementIndex);

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }
}
