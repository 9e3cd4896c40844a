using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Multi-label hinge for scores [C] or [N, C]: per sample Σ over target classes j and non-target classes i of
/// max(0, 1 − (x[j] − x[i])) / C, averaged over samples by default.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.MultiLabelMarginCriterion</c> (PyTorch <c>nn.MultiLabelMarginLoss</c>). The target has the input's
/// shape and lists 0-based target classes first, ended by −1 (BigDL lists 1-based classes ended by 0).
/// </remarks>
/// <param name="sizeAverage">Average over samples (default true).</param>
public sealed class MultiLabelMarginCriterion<T>(bool sizeAverage = true) : TensorCriterion<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the loss is averaged over samples.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, x, targets) = Check(input, target);
        double loss = 0;
        for (int s = 0; s < n; s++)
            foreach (int j in targets[s])
                for (int i = 0; i < c; i++)
                    if (!targets[s].Contains(i)) loss += Math.Max(0, 1 - (x[s * c + j] - x[s * c + i]));
        return T.CreateTruncating(loss / c / (SizeAverage ? n : 1));
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        var (n, c, x, targets) = Check(input, target);
        GradInput.ResizeAs(input).Zero();
        var g = GradInput.AsSpan();
        double scale = 1.0 / c / (SizeAverage ? n : 1);
        for (int s = 0; s < n; s++)
            foreach (int j in targets[s])
                for (int i = 0; i < c; i++)
                    if (!targets[s].Contains(i) && 1 - (x[s * c + j] - x[s * c + i]) > 0)
                    {
                        g[s * c + j] -= T.CreateTruncating(scale);
                        g[s * c + i] += T.CreateTruncating(scale);
                    }
        return GradInput;
    }

    private static (int N, int C, double[] X, List<int>[] Targets) Check(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "scores [C] or [N, C]", 1, 2);
        if (!target.IsSameSizeAs(input))
            throw new ArgumentException($"expected a target of the input's shape {Shape.Format(input.Size())} (class lists ended by -1), got {Shape.Format(target.Size())}", nameof(target));
        int n = input.Dim() == 1 ? 1 : input.Size(0), c = input.Size(-1);
        var t = target.Contiguous().AsSpan();
        var targets = new List<int>[n];
        for (int s = 0; s < n; s++)
        {
            targets[s] = [];
            for (int k = 0; k < c; k++)
            {
                int label = int.CreateTruncating(t[s * c + k]);
                if (label == -1) break;
                if (label < 0 || label >= c)
                    throw new ArgumentException($"target {label} in row {s} is outside [0, {c}); classes are 0-based and each list ends with -1", nameof(target));
                targets[s].Add(label);
            }
        }
        return (n, c, [.. input.Contiguous().AsSpan().ToArray().Select(v => double.CreateTruncating(v))], targets);
    }
}
