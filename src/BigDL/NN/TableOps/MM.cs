using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Matrix product of a table of two matrices (or batches of matrices [B, n, m] and [B, m, p]).</summary>
/// <remarks>BigDL/Torch <c>nn.MM</c>; <c>transA</c>/<c>transB</c> transpose an operand first.</remarks>
/// <param name="transA">Transpose the first operand.</param>
/// <param name="transB">Transpose the second operand.</param>
public sealed class MM<T>(bool transA = false, bool transB = false) : AbstractModule<Table, Tensor<T>, T>(new Tensor<T>(), new Table())
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether the first operand is transposed.</summary>
    public bool TransA { get; } = transA;

    /// <summary>Whether the second operand is transposed.</summary>
    public bool TransB { get; } = transB;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Table input)
    {
        var (a, b) = Operands(input);
        if (a.Dim() == 2) Output.Resize(a.Size(0), b.Size(1)).AddMM(T.Zero, T.One, a, b);
        else Output.BMM(a, b);
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Tensor<T> gradOutput)
    {
        var (a, b) = Operands(input);
        Require.SameShape(gradOutput, Output);
        // With C = A·B: dA = dC·Bᵀ and dB = Aᵀ·dC, transposed back when an operand was transposed.
        var da = Product(gradOutput, Swap(b));
        var db = Product(Swap(a), gradOutput);
        GradInput.Truncate(0).Insert(TransA ? Swap(da).Contiguous() : da).Insert(TransB ? Swap(db).Contiguous() : db);
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName}({TransA}, {TransB})";

    private static Tensor<T> Swap(Tensor<T> m) => m.Transpose(m.Dim() - 2, m.Dim() - 1);

    private static Tensor<T> Product(Tensor<T> a, Tensor<T> b) =>
        a.Dim() == 2 ? new Tensor<T>(a.Size(0), b.Size(1)).AddMM(T.Zero, T.One, a, b) : new Tensor<T>().BMM(a, b);

    private (Tensor<T> A, Tensor<T> B) Operands(Table input)
    {
        Require.Table(input, 2);
        if (input.Count != 2 || input[0] is not Tensor<T> a || input[1] is not Tensor<T> b || a.Dim() != b.Dim() || a.Dim() is not (2 or 3))
            throw new ArgumentException($"expected a table of two matrices or two batches of matrices, got {Activity.Describe(input)}", nameof(input));
        if (TransA) a = Swap(a);
        if (TransB) b = Swap(b);
        if (a.Size(-1) != b.Size(-2) || (a.Dim() == 3 && a.Size(0) != b.Size(0)))
            throw new ArgumentException($"inner sizes differ: {Activity.Describe(input)} (transA {TransA}, transB {TransB})", nameof(input));
        return (a, b);
    }
}
