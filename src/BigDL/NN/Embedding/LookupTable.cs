using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Embedding: replaces each index of [L] or [N, L] by its row of a learnable table [nIndex, nOutput], giving
/// [L, nOutput] or [N, L, nOutput].
/// </summary>
/// <remarks>
/// BigDL/Torch <c>nn.LookupTable</c> (PyTorch <c>nn.Embedding</c>). Indices are 0-based, stored as values of T
/// (BigDL counts from 1). The table starts N(0, 1), as BigDL. <c>paddingValue</c> names an index whose row gets no
/// gradient; its default −1 means none (with 0-based indices BigDL's default 0 would silently freeze row 0).
/// With a finite <c>maxNorm</c>, the rows used by a forward pass are first rescaled to at most that norm.
/// </remarks>
public sealed class LookupTable<T> : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _indices = [];

    /// <summary>Creates the layer.</summary>
    /// <param name="nIndex">Number of rows (the vocabulary size).</param>
    /// <param name="nOutput">Size of each embedding.</param>
    /// <param name="paddingValue">Index whose row is never updated (default −1: none).</param>
    /// <param name="maxNorm">Largest allowed row norm (default: unlimited).</param>
    /// <param name="normType">p of the norm used by maxNorm (default 2).</param>
    /// <exception cref="ArgumentOutOfRangeException">nIndex or nOutput is not positive.</exception>
    public LookupTable(int nIndex, int nOutput, int paddingValue = -1, double maxNorm = double.MaxValue, double normType = 2)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nIndex);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nOutput);
        (NIndex, NOutput, PaddingValue, MaxNorm, NormType) = (nIndex, nOutput, paddingValue, maxNorm, normType);
        Weight = new Tensor<T>(nIndex, nOutput);
        GradWeight = new Tensor<T>(nIndex, nOutput);
        Reset();
    }

    /// <summary>Number of rows.</summary>
    public int NIndex { get; }

    /// <summary>Size of each embedding.</summary>
    public int NOutput { get; }

    /// <summary>Index whose row gets no gradient (−1: none).</summary>
    public int PaddingValue { get; }

    /// <summary>Largest allowed row norm.</summary>
    public double MaxNorm { get; }

    /// <summary>p of the norm used by <see cref="MaxNorm"/>.</summary>
    public double NormType { get; }

    /// <summary>The embedding table [nIndex, nOutput].</summary>
    public Tensor<T> Weight { get; }

    /// <summary>Gradient of the table.</summary>
    public Tensor<T> GradWeight { get; }

    /// <inheritdoc/>
    public override void Reset() => (WeightInitMethod ?? new RandomNormal(0, 1)).Init(Weight, new VariableFormat(NIndex, NOutput));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        Require.Dims(input, "indices [L] or [N, L]", 1, 2);
        ReadIndices(input);
        int n = input.NElement();
        if (MaxNorm < double.MaxValue) Renormalize(n);
        Output.Resize([.. input.Size(), NOutput]);
        var rows = Output.View(n, NOutput);
        for (int i = 0; i < n; i++) rows.Select(0, i).Copy(Weight.Select(0, _indices[i]));
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        GradInput.ResizeAs(input).Zero();
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void AccGradParameters(Tensor<T> input, Tensor<T> gradOutput)
    {
        int n = input.NElement();
        var rows = gradOutput.Contiguous().View(n, NOutput);
        for (int i = 0; i < n; i++)
            if (_indices[i] != PaddingValue) GradWeight.Select(0, _indices[i]).Add(WeightScale, rows.Select(0, i));
    }

    /// <inheritdoc/>
    public override (Tensor<T>[] Weights, Tensor<T>[] Gradients) Parameters() => ([Weight], [GradWeight]);

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({NIndex}, {NOutput}, {PaddingValue})");

    private void ReadIndices(Tensor<T> input)
    {
        int n = input.NElement();
        if (_indices.Length < n) _indices = new int[n];
        var values = input.Contiguous().AsSpan();
        for (int i = 0; i < n; i++)
        {
            double value = double.CreateTruncating(values[i]);
            int index = (int)value;
            if (index != value || index < 0 || index >= NIndex)
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"index {value} at position {i} of {Shape.Format(input.Size())} is outside [0, {NIndex}); indices are 0-based (BigDL Scala used 1-based)"), "input");
            _indices[i] = index;
        }
    }

    private void Renormalize(int n)
    {
        for (int i = 0; i < n; i++)
        {
            var row = Weight.Select(0, _indices[i]);
            double norm = double.CreateTruncating(row.Norm(T.CreateTruncating(NormType)));
            if (norm > MaxNorm) row.Mul(T.CreateTruncating(MaxNorm / (norm + 1e-7)));
        }
    }
}
