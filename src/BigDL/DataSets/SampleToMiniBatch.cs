using System.Numerics;
using BigDL.Tensors;

namespace BigDL.DataSets;

/// <summary>
/// Stacks samples into batches of <see cref="BatchSize"/>: input [N, feature…], target [N, label…] (a scalar label
/// gives target [N]). The last batch of a pass holds what is left. Batches are filled into two alternating sets of
/// tensors, so a batch stays valid until two more have been produced; copy it to keep it longer.
/// </summary>
/// <remarks>BigDL's <c>SampleToMiniBatch</c>. Every sample of a pass must have the same feature and label shapes.</remarks>
public sealed class SampleToMiniBatch<T> : Transformer<Sample<T>, MiniBatch<T>> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Batches of <paramref name="batchSize"/> samples.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is below 1.</exception>
    public SampleToMiniBatch(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        BatchSize = batchSize;
    }

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; }

    /// <inheritdoc/>
    public override IEnumerable<MiniBatch<T>> Apply(IEnumerable<Sample<T>> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var buffers = new BatchBuffers<T>();
        foreach (var samples in Groups.Of(source, BatchSize)) yield return Stack(samples, buffers);
    }

    /// <inheritdoc/>
    public override string ToString() => $"SampleToMiniBatch({BatchSize})";

    private static MiniBatch<T> Stack(List<Sample<T>> samples, BatchBuffers<T> buffers)
    {
        int[] featureShape = samples[0].Feature.Size(), labelShape = samples[0].Label.Size();
        var (input, target) = buffers.Next(samples.Count, featureShape, labelShape);
        for (int i = 0; i < samples.Count; i++)
        {
            var s = samples[i];
            if (!s.Feature.IsSameSizeAs(samples[0].Feature) || !s.Label.IsSameSizeAs(samples[0].Label))
                throw new ArgumentException(
                    $"sample {i} of a batch has feature [{string.Join(", ", s.Feature.Size())}] and label [{string.Join(", ", s.Label.Size())}], " +
                    $"but the batch's first has [{string.Join(", ", featureShape)}] and [{string.Join(", ", labelShape)}]", nameof(samples));
            Copy(s.Feature, input, i);
            Copy(s.Label, target, i);
        }
        return new MiniBatch<T>(input, target);
    }

    /// <summary>Writes one record into row i of a batch tensor.</summary>
    private static void Copy(Tensor<T> record, Tensor<T> batch, int i)
    {
        if (record.Dim() == 0) batch.SetValue(i, record.ValueAt());
        else batch.Select(0, i).Copy(record);
    }
}
