using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>How <see cref="SoftmaxWithCriterion{T}"/> divides the summed loss (Caffe's normalisation modes).</summary>
public enum NormalizeMode
{
    /// <summary>By every position N·H·W, ignored ones included.</summary>
    Full,

    /// <summary>By the positions whose label is not ignored (the default).</summary>
    Valid,

    /// <summary>By the batch size N.</summary>
    BatchSize,

    /// <summary>Not at all.</summary>
    None,
}

/// <summary>
/// Soft-max over the channels of scores [N, C, H, W] followed by the negative log-likelihood of 0-based labels
/// [N, 1, H, W] or [N, H, W] at every position, positions labelled <c>ignoreLabel</c> left out.
/// </summary>
/// <remarks>BigDL's <c>SoftmaxWithCriterion</c> (Caffe's SoftmaxWithLoss, for segmentation). Labels are 0-based.</remarks>
/// <param name="ignoreLabel">A label whose positions count neither in the loss nor the gradient (default: none).</param>
/// <param name="normalizeMode">How the summed loss is divided (default <see cref="NormalizeMode.Valid"/>).</param>
public sealed class SoftmaxWithCriterion<T>(int? ignoreLabel = null, NormalizeMode normalizeMode = NormalizeMode.Valid) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly SoftMax<T> _softMax = new();

    /// <summary>The ignored label, or null.</summary>
    public int? IgnoreLabel { get; } = ignoreLabel;

    /// <summary>How the summed loss is divided.</summary>
    public NormalizeMode NormalizeMode { get; } = normalizeMode;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, plane, labels) = Check(input, target);
        var p = _softMax.Forward(input).AsSpan();
        double loss = 0;
        int valid = 0;
        for (int b = 0; b < n; b++)
            for (int i = 0; i < plane; i++)
            {
                int label = labels[b * plane + i];
                if (label == IgnoreLabel) continue;
                valid++;
                loss -= Math.Log(Math.Max(double.CreateTruncating(p[(b * c + label) * plane + i]), double.Epsilon));
            }
        return T.CreateTruncating(loss / Normalizer(n, plane, valid));
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, plane, labels) = Check(input, target);
        GradInput.ResizeAs(input).Copy(_softMax.Forward(input));
        var g = GradInput.AsSpan();
        int valid = labels.Count(l => l != IgnoreLabel);
        double scale = 1 / Normalizer(n, plane, valid);
        for (int b = 0; b < n; b++)
            for (int i = 0; i < plane; i++)
            {
                int label = labels[b * plane + i];
                for (int k = 0; k < c; k++)
                {
                    int at = (b * c + k) * plane + i;
                    g[at] = label == IgnoreLabel ? T.Zero : T.CreateTruncating((double.CreateTruncating(g[at]) - (k == label ? 1 : 0)) * scale);
                }
            }
        return GradInput;
    }

    private double Normalizer(int n, int plane, int valid) => NormalizeMode switch
    {
        NormalizeMode.Full => n * plane,
        NormalizeMode.Valid => Math.Max(valid, 1),
        NormalizeMode.BatchSize => n,
        _ => 1,
    };

    private (int N, int C, int Plane, int[] Labels) Check(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "scores [N, C, H, W]", 4);
        int n = input.Size(0), c = input.Size(1), plane = input.Size(2) * input.Size(3);
        if (target.NElement() != n * plane)
            throw new ArgumentException($"expected labels [N, 1, H, W] or [N, H, W] for scores {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
        var labels = target.Contiguous().AsSpan().ToArray().Select(v => int.CreateTruncating(v)).ToArray();
        for (int i = 0; i < labels.Length; i++)
            if (labels[i] != IgnoreLabel && (labels[i] < 0 || labels[i] >= c))
                throw new ArgumentException($"label {labels[i]} at position {i} is outside [0, {c}); labels are 0-based (BigDL Scala used 1-based)", nameof(target));
        return (n, c, plane, labels);
    }
}
