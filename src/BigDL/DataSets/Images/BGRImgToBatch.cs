using System.Numerics;

namespace BigDL.DataSets;

/// <summary>
/// Stacks colour images into batches of <see cref="BatchSize"/>: input [N, 3, height, width] with one plane a
/// channel — red, green, blue when <see cref="ToRGB"/> (the default), else blue, green, red — and target [N] holding
/// the 0-based labels. The last batch of a pass holds what is left. Batches are filled into two alternating sets of
/// tensors, so a batch stays valid until two more have been produced; copy it to keep it longer.
/// </summary>
/// <remarks>
/// BigDL's <c>BGRImgToBatch(batchSize, toRGB = true)</c> (the same plane order; its labels were 1-based). BigDL's
/// batch size was the total over all cores; here it is the size of every batch produced.
/// </remarks>
public sealed class BGRImgToBatch<T> : Transformer<LabeledBGRImage, MiniBatch<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Batches of <paramref name="batchSize"/> images, planes in RGB order when <paramref name="toRGB"/>, else BGR.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    public BGRImgToBatch(int batchSize, bool toRGB = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
        ToRGB = toRGB;
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>True: planes red, green, blue; false: blue, green, red.</summary>
    public bool ToRGB { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An image of a batch differs in size from the batch's first.</exception>
    public override IEnumerable<MiniBatch<T>> Apply(IEnumerable<LabeledBGRImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Batch(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"BGRImgToBatch({BatchSize}, {(ToRGB ? "RGB" : "BGR")})";

    private IEnumerable<MiniBatch<T>> Batch(IEnumerable<LabeledBGRImage> source)
    {
        var buffers = new BatchBuffers<T>();
        foreach (var images in Groups.Of(source, BatchSize)) yield return Stack(images, buffers);
    }

    private MiniBatch<T> Stack(List<LabeledBGRImage> images, BatchBuffers<T> buffers)
    {
        int width = images[0].Width, height = images[0].Height, frame = width * height;
        var (input, target) = buffers.Next(images.Count, [3, height, width], []);
        var planes = input.AsSpan();
        var labels = target.AsSpan();
        // Interleaved channel c (0 blue, 1 green, 2 red) goes to plane first + c·step.
        int first = ToRGB ? 2 : 0, step = ToRGB ? -1 : 1;
        for (int i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (image.Width != width || image.Height != height)
                throw new ArgumentException(
                    $"BGRImgToBatch: image {i} of a batch is {image.Width}x{image.Height} (width x height), but the batch's first is {width}x{height}",
                    nameof(images));
            var content = image.Content;
            for (int c = 0; c < 3; c++)
            {
                var plane = planes.Slice((3 * i + first + c * step) * frame, frame);
                for (int p = 0; p < frame; p++) plane[p] = T.CreateTruncating(content[3 * p + c]);
            }
            labels[i] = T.CreateTruncating(image.Label);
        }
        return new MiniBatch<T>(input, target);
    }
}
