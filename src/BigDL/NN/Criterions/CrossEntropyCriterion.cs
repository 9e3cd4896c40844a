using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Cross-entropy of raw scores [C] or [N, C] against 0-based class targets: <see cref="LogSoftMax{T}"/> followed by
/// <see cref="ClassNLLCriterion{T}"/>, in one criterion.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.CrossEntropyCriterion</c> (PyTorch <c>nn.CrossEntropyLoss</c>). Targets are 0-based.</remarks>
/// <param name="weights">Per-class weights [C]; null weighs every class 1.</param>
/// <param name="sizeAverage">Average over the total target weight (default) instead of summing.</param>
public sealed class CrossEntropyCriterion<T>(Tensor<T>? weights = null, bool sizeAverage = true) : TensorCriterion<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LogSoftMax<T> _logSoftMax = new();
    private readonly ClassNLLCriterion<T> _nll = new(weights, sizeAverage);

    /// <summary>Per-class weights, or null for equal weights.</summary>
    public Tensor<T>? Weights => _nll.Weights;

    /// <summary>Whether the loss is averaged over the total target weight instead of summed.</summary>
    public bool SizeAverage => _nll.SizeAverage;

    /// <inheritdoc/>
    public override bool AveragesOverBatch => SizeAverage;

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "input [C] or [N, C] of scores", 1, 2);
        return _nll.Forward(_logSoftMax.Forward(input), target);
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        Require.Dims(input, "input [C] or [N, C] of scores", 1, 2);
        var logProbabilities = _logSoftMax.Forward(input);
        GradInput = _logSoftMax.Backward(input, _nll.Backward(logProbabilities, target));
        return GradInput;
    }
}
