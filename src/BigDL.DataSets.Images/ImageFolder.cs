using SkiaSharp;

namespace BigDL.DataSets;

/// <summary>
/// The JPEG and PNG images of a folder with one sub-folder a class: the sub-folders, sorted by ordinal name, are the
/// classes 0, 1, 2, … (hidden ones, whose names start with a dot, are skipped), and each image file directly inside
/// one is a record of that class. Images are decoded with SkiaSharp into <see cref="LabeledBGRImage"/>s (values
/// divided by <see cref="Normalize"/>) when a pass reaches them, so only the list of files stays in memory.
/// </summary>
/// <remarks>
/// <para>BigDL's <c>LocalImageFiles</c> + <c>LocalImgReader</c> (labels there were 1-based; BigDL also rescaled images,
/// which is not done here: images keep their own size, so crop them, e.g. with <see cref="BGRImgCropper"/>, before
/// batching). Files ending .jpg, .jpeg or .png (any case) are read, others ignored; alpha is dropped.</para>
/// <para>A file that is not a decodable image raises <see cref="InvalidDataException"/> naming the file and the byte
/// offset where that is known: 0 for an unrecognised signature, the file's length for a truncated file.</para>
/// </remarks>
public sealed class ImageFolder : DataSet<LabeledBGRImage>
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png"];
    private readonly DataSet<ImageFile> _files;

    /// <summary>The images of <paramref name="folder"/>; epochs are shuffled by a permutation derived from <paramref name="seed"/>.</summary>
    /// <param name="folder">A folder with one sub-folder a class.</param>
    /// <param name="normalize">What every 0…255 colour value is divided by (255 gives [0, 1]).</param>
    /// <param name="seed">Seed of the epochs' permutations; by default the next value of <see cref="RandomGenerator.Default"/>.</param>
    /// <exception cref="DirectoryNotFoundException"><paramref name="folder"/> does not exist.</exception>
    /// <exception cref="ArgumentException">The folder holds no class sub-folder or no image.</exception>
    public ImageFolder(string folder, float normalize = 255f, ulong? seed = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        if (!(normalize > 0) || !float.IsFinite(normalize))
            throw new ArgumentOutOfRangeException(nameof(normalize), normalize, "normalize must be positive and finite");
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"image folder {folder} does not exist");
        Folder = folder;
        Normalize = normalize;
        Classes = [.. Directory.GetDirectories(folder).Select(Path.GetFileName).OfType<string>()
            .Where(name => !name.StartsWith('.')).Order(StringComparer.Ordinal)];
        if (Classes.Count == 0) throw new ArgumentException($"image folder {folder} has no sub-folders (one a class)", nameof(folder));
        var files = new List<ImageFile>();
        for (int label = 0; label < Classes.Count; label++)
            files.AddRange(Directory.GetFiles(Path.Combine(folder, Classes[label]))
                .Where(IsImage).Order(StringComparer.Ordinal).Select(path => new ImageFile(path, label)));
        if (files.Count == 0)
            throw new ArgumentException($"image folder {folder} has no {string.Join(", ", Extensions)} files in its {Classes.Count} class folders", nameof(folder));
        Files = files;
        _files = DataSet.Array(files, seed);
    }

    /// <summary>The folder read.</summary>
    public string Folder { get; }

    /// <summary>What colour values are divided by.</summary>
    public float Normalize { get; }

    /// <summary>The class names (sub-folder names) in label order: label i is <c>Classes[i]</c>.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Every image file with its 0-based label, in stored order (by class, then by ordinal file name).</summary>
    public IReadOnlyList<ImageFile> Files { get; }

    /// <inheritdoc/>
    public override long Size => _files.Size;

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">A file cannot be decoded (raised when the pass reaches it).</exception>
    public override IEnumerable<LabeledBGRImage> Data(bool train) => _files.Data(train).Select(file => Decode(file.Path, file.Label, Normalize));

    /// <inheritdoc/>
    public override void Shuffle(int epoch) => _files.Shuffle(epoch);

    /// <summary>Every image decoded, in memory, in stored order (for <see cref="DataSet.Array{T}"/>).</summary>
    public LabeledBGRImage[] Load() => [.. Data(train: false)];

    /// <summary>Decodes one JPEG or PNG file into a <see cref="LabeledBGRImage"/> labelled <paramref name="label"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a decodable image, or is truncated.</exception>
    public static LabeledBGRImage Decode(string path, float label = 0, float normalize = 255f)
    {
        ArgumentNullException.ThrowIfNull(path);
        long length = new FileInfo(path).Length;
        using var codec = SKCodec.Create(path, out var opened);
        if (codec is null)
            throw new InvalidDataException($"{path}, byte offset 0: not an image SkiaSharp can decode ({opened}; {Start(path)}, {length} bytes in all)");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        var decoded = codec.GetPixels(info, bitmap.GetPixels());
        if (decoded == SKCodecResult.IncompleteInput)
            throw new InvalidDataException($"{path}, byte offset {length}: the file ends here, before its {info.Width}x{info.Height} image is complete (truncated)");
        if (decoded != SKCodecResult.Success)
            throw new InvalidDataException($"{path}: SkiaSharp could not decode its {info.Width}x{info.Height} image ({decoded}; it reports no byte offset; {length} bytes in all)");
        return ToImage(bitmap, label, normalize);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ImageFolder({Folder}: {Files.Count} images in {Classes.Count} classes)";

    private static LabeledBGRImage ToImage(SKBitmap bitmap, float label, float normalize)
    {
        var image = new LabeledBGRImage(bitmap.Width, bitmap.Height, label);
        var pixels = bitmap.GetPixelSpan();
        var content = image.Content;
        for (int y = 0; y < bitmap.Height; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes, 4 * bitmap.Width);
            int to = 3 * y * bitmap.Width;
            // Bgra8888 lies in memory as blue, green, red, alpha: keep the first three.
            for (int x = 0; x < bitmap.Width; x++)
            {
                content[to + 3 * x] = row[4 * x] / normalize;
                content[to + 3 * x + 1] = row[4 * x + 1] / normalize;
                content[to + 3 * x + 2] = row[4 * x + 2] / normalize;
            }
        }
        return image;
    }

    private static bool IsImage(string path) => Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Start(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> head = stackalloc byte[8];
        int n = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return n == 0 ? "the file is empty" : "the file starts with bytes " + Convert.ToHexString(head[..n]);
    }
}
