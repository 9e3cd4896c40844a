using System.Numerics;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>Shared counting of Top1Accuracy and Top5Accuracy: output [N, C] (or [C]) scores, target [N] 0-based classes.</summary>
internal static class TopKAccuracy
{
    public static AccuracyResult Count<T>(Tensor<T> output, Tensor<T> target, int k, string method) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(target);
        var scores = output.Dim() == 1 ? output.View(1, output.Size(0)) : output;
        int rows = scores.Size(0), classes = scores.Dim() == 2 ? scores.Size(1) : 0;
        if (scores.Dim() != 2 || target.NElement() != rows)
            throw new ArgumentException(
                $"{method}: expected output [N, C] with target of N class indices, got output [{string.Join(", ", output.Size())}] and target [{string.Join(", ", target.Size())}]",
                nameof(target));
        var labels = target.Contiguous().View(rows);
        long correct = 0;
        for (int r = 0; r < rows; r++)
        {
            double label = double.CreateTruncating(labels[r]);
            if (classes == 1)
            {
                // A single output is a probability of class 1 (BigDL's binary case).
                if ((double.CreateTruncating(scores[r, 0]) > 0.5 ? 1 : 0) == label) correct++;
                continue;
            }
            if (label < 0 || label >= classes || label != Math.Floor(label))
                throw new ArgumentException($"{method}: target {label} at row {r} is not a class in [0, {classes}); labels are 0-based", nameof(target));
            T mine = scores[r, (int)label];
            int better = 0;
            for (int c = 0; c < classes; c++)
                if (scores[r, c] > mine || (scores[r, c] == mine && c < (int)label)) better++;
            if (better < k) correct++;
        }
        return new AccuracyResult(correct, rows);
    }
}
