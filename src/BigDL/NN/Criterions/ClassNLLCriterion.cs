using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Negative log-likelihood of the target class: loss = −Σᵢ w[tᵢ]·x[i, tᵢ] / (sizeAverage ? Σᵢ w[tᵢ] : 1),
/// for log-probabilities x of shape [C] or [N, C] (e.g. from <c>LogSoftMax</c>) and 0-based class targets t.
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.ClassNLLCriterion</c> (PyTorch <c>nn.NLLLoss</c>). Targets are 0-based (BigDL Scala counts
/// classes from 1); a target equal to <paramref name="paddingValue"/> is skipped. The target is a tensor of N
/// values ([N], [N, 1] or, for one sample, a scalar or [1]).
/// </remarks>
/// <param name="weights">Per-class weights [C]; null weighs every class 1.</param>
/// <param name="sizeAverage">Divide by the total weight of the counted targets (default) instead of summing.</param>
/// <param name="paddingValue">Target value to ignore (default −1, which no class has).</param>
public sealed class ClassNLLCriterion<T>(Tensor<T>? weights = null, bool sizeAverage = true, int paddingValue = -1) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private double _totalWeight;

    /// <summary>Per-class weights, or null.</summary>
    public Tensor<T>? Weights { get; } = weights?.Dim() == 1 ? weights : weights is null ? null
        : throw new ArgumentException($"expected weights [C], got {Shape.Format(weights.Size())}", nameof(weights));

    /// <summary>Whether the loss is averaged over the total target weight.</summary>
    public bool SizeAverage { get; } = sizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <summary>The ignored target value.</summary>
    public int PaddingValue { get; } = paddingValue;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        var rows = Check(input, target);
        double loss = 0, total = 0;
        for (int i = 0; i < rows.Length; i++)
        {
            int t = rows[i];
            if (t == PaddingValue) continue;
            double w = ClassWeight(t);
            loss -= w * double.CreateTruncating(input.Dim() == 1 ? input[t] : input[i, t]);
            total += w;
        }
        _totalWeight = total;
        return T.CreateTruncating(SizeAverage && total > 0 ? loss / total : loss);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        var rows = Check(input, target);
        GradInput.ResizeAs(input).Zero();
        double scale = SizeAverage && _totalWeight > 0 ? 1 / _totalWeight : 1;
        for (int i = 0; i < rows.Length; i++)
        {
            int t = rows[i];
            if (t == PaddingValue) continue;
            var g = T.CreateTruncating(-ClassWeight(t) * scale);
            if (input.Dim() == 1) GradInput[t] = g;
            else GradInput[i, t] = g;
        }
        return GradInput;
    }

    private double ClassWeight(int target) => Weights is null ? 1 : double.CreateTruncating(Weights[target]);

    private int[] Check(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "input [C] or [N, C] of log-probabilities", 1, 2);
        int n = input.Dim() == 1 ? 1 : input.Size(0);
        int classes = input.Size(-1);
        if (target.NElement() != n || target.Dim() > 2 || (target.Dim() == 2 && target.Size(1) != 1))
            throw new ArgumentException($"expected target of {n} class indices ([{n}] or [{n}, 1]) for input {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
        if (Weights is not null && Weights.Size(0) != classes)
            throw new ArgumentException($"expected input with {Weights.Size(0)} classes (the size of weights), got {Shape.Format(input.Size())}", nameof(input));
        var flat = target.Contiguous().View(n);
        var rows = new int[n];
        for (int i = 0; i < n; i++)
        {
            double value = double.CreateTruncating(flat[i]);
            int t = (int)value;
            if (t != value || (t != PaddingValue && (t < 0 || t >= classes)))
                throw new ArgumentException($"target {value} at row {i} is outside [0, {classes}); labels are 0-based (BigDL Scala used 1-based)", nameof(target));
            rows[i] = t;
        }
        return rows;
    }
}
