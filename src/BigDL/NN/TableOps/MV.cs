using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Matrix-vector product of a table (M [n, m], v [m]), or batched (M [B, n, m], v [B, m]).</summary>
/// <remarks>BigDL/Torch <c>nn.MV</c>; <c>trans</c> uses Mᵀ.</remarks>
/// <param name="trans">Transpose the matrix first.</param>
public sealed class MV<T>(bool trans = false) : AbstractModule<Table, Tensor<T>, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the matrix is transposed.</summary>
    public bool Trans { get; } = trans;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (m, v) = Operands(input);
        // As a batched matrix product: [B, n, m]·[B, m, 1].
        Output = new Tensor<T>().BMM(m, v.Unsqueeze(2)).Squeeze(2);
        if (((Tensor<T>)input[0]).Dim() == 2) Output = Output.Squeeze(0);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (m, v) = Operands(input);
        var g = (gradOutput.Dim() == 1 ? gradOutput.Unsqueeze(0) : gradOutput).Unsqueeze(2);
        var dm = new Tensor<T>().BMM(g, v.Unsqueeze(1));          // [B, n, 1]·[B, 1, m]
        var dv = new Tensor<T>().BMM(m.Transpose(1, 2), g).Squeeze(2);
        if (Trans) dm = dm.Transpose(1, 2).Contiguous();
        bool single = ((Tensor<T>)input[0]).Dim() == 2;
        GradInput.Truncate(0).Insert(single ? dm.Squeeze(0) : dm).Insert(single ? dv.Squeeze(0) : dv);
        return GradInput;
    }

    private (Tensor<T> M, Tensor<T> V) Operands(Table input)
    {
        Require.Table(input, 2);
        if (input[0] is not Tensor<T> m || input[1] is not Tensor<T> v || m.Dim() != v.Dim() + 1 || m.Dim() is not (2 or 3))
            throw new ArgumentException($"expected a table (matrix [n, m], vector [m]) or batched ([B, n, m], [B, m]), got {Activity.Describe(input)}", nameof(input));
        if (m.Dim() == 2)
        {
            m = m.Unsqueeze(0);
            v = v.Unsqueeze(0);
        }
        if (Trans) m = m.Transpose(1, 2);
        if (m.Size(2) != v.Size(1) || m.Size(0) != v.Size(0))
            throw new ArgumentException($"sizes do not match: {Activity.Describe(input)} (trans {Trans})", nameof(input));
        return (m, v);
    }
}
