using System.Numerics;

namespace BigDL.DataSets;

/// <summary>
/// Stacks grey images into batches of <see cref="BatchSize"/>: input [N, height, width], target [N] holding the
/// 0-based labels. The last batch of a pass holds what is left. Batches are filled into two alternating sets of
/// tensors, so a batch stays valid until two more have been produced; copy it to keep it longer.
/// </summary>
/// <remarks>
/// BigDL's <c>GreyImgToBatch(batchSize)</c>, whose labels were 1-based. BigDL's batch size was the total over all
/// cores; here it is the size of every batch produced, which the local optimizer splits over the cores. The input has
/// no channel dimension, as in BigDL: LeNet5 starts with <c>Reshape(1, 28, 28)</c>.
/// </remarks>
public sealed class GreyImgToBatch<T> : Transformer<LabeledGreyImage, MiniBatch<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Batches of <paramref name="batchSize"/> images.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    public GreyImgToBatch(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
    }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">An image of a batch differs in size from the batch's first.</exception>
    public override IEnumerable<MiniBatch<T>> Apply(IEnumerable<LabeledGreyImage> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Batch(source);
    }

    /// <inheritdoc/>
    public override string ToString() => $"GreyImgToBatch({BatchSize})";

    private IEnumerable<MiniBatch<T>> Batch(IEnumerable<LabeledGreyImage> source)
    {
        var buffers = new BatchBuffers<T>();
        foreach (var images in Groups.Of(source, BatchSize)) yield return Stack(images, buffers);
    }

    private static MiniBatch<T> Stack(List<LabeledGreyImage> images, BatchBuffers<T> buffers)
    {
        int width = images[0].Width, height = images[0].Height, frame = width * height;
        var (input, target) = buffers.Next(images.Count, [height, width], []);
        var pixels = input.AsSpan();
        var labels = target.AsSpan();
        for (int i = 0; i < images.Count; i++)
        {
            var image = images[i];
            if (image.Width != width || image.Height != height)
                throw new ArgumentException(
                    $"GreyImgToBatch: image {i} of a batch is {image.Width}x{image.Height} (width x height), but the batch's first is {width}x{height}",
                    nameof(images));
            var row = pixels.Slice(i * frame, frame);
            var content = image.Content;
            for (int j = 0; j < frame; j++) row[j] = T.CreateTruncating(content[j]);
            labels[i] = T.CreateTruncating(image.Label);
        }
        return new MiniBatch<T>(input, target);
    }
}
