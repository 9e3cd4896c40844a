using System.Globalization;
using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Scales each row of [D] or [N, D] to unit L<sub>p</sub> norm: y = x / (‖x‖ₚ + eps).</summary>
/// <remarks>BigDL/Torch <c>nn.Normalize</c>; p ≥ 1, or infinity for the maximum norm.</remarks>
/// <param name="p">The norm's p (at least 1; <see cref="double.PositiveInfinity"/> for the max norm).</param>
/// <param name="eps">Added to the norm (default 1e-10).</param>
public sealed class Normalize<T>(double p, double eps = 1e-10) : TensorModule<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private double[] _norms = [];

    /// <summary>The norm's p.</summary>
    public double P { get; } = p >= 1 ? p : throw new ArgumentOutOfRangeException(nameof(p), p, "p must be at least 1");

    /// <summary>Added to the norm.</summary>
    public double Eps { get; } = eps;

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var (rows, d) = Rows(input);
        var x = input.Contiguous().AsSpan();
        Output.ResizeAs(input);
        var y = Output.AsSpan();
        if (_norms.Length < rows) _norms = new double[rows];
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * d, d);
            double norm = 0;
            if (double.IsPositiveInfinity(P)) foreach (var v in row) norm = Math.Max(norm, Math.Abs(double.CreateTruncating(v)));
            else
            {
                foreach (var v in row) norm += Math.Pow(Math.Abs(double.CreateTruncating(v)), P);
                norm = Math.Pow(norm, 1 / P);
            }
            _norms[r] = norm;
            for (int i = 0; i < d; i++) y[r * d + i] = T.CreateTruncating(double.CreateTruncating(row[i]) / (norm + Eps));
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        var (rows, d) = Rows(input);
        Require.SameShape(gradOutput, Output);
        var x = input.Contiguous().AsSpan();
        var g = gradOutput.Contiguous().AsSpan();
        GradInput.ResizeAs(input);
        var dx = GradInput.AsSpan();
        for (int r = 0; r < rows; r++)
        {
            double norm = _norms[r], denominator = norm + Eps, dot = 0;
            for (int i = 0; i < d; i++) dot += double.CreateTruncating(g[r * d + i]) * double.CreateTruncating(x[r * d + i]);
            int argmax = 0;
            if (double.IsPositiveInfinity(P))
                for (int i = 1; i < d; i++)
                    if (Math.Abs(double.CreateTruncating(x[r * d + i])) > Math.Abs(double.CreateTruncating(x[r * d + argmax]))) argmax = i;
            for (int i = 0; i < d; i++)
            {
                double xi = double.CreateTruncating(x[r * d + i]);
                // ∂‖x‖ₚ/∂xᵢ = sign(xᵢ)·|xᵢ|^(p−1) / ‖x‖ₚ^(p−1) (for p = ∞: sign(xᵢ) at the largest |xᵢ|).
                double normSlope = double.IsPositiveInfinity(P) ? (i == argmax ? Math.Sign(xi) : 0)
                    : norm == 0 ? 0 : Math.Sign(xi) * Math.Pow(Math.Abs(xi), P - 1) / Math.Pow(norm, P - 1);
                dx[r * d + i] = T.CreateTruncating(double.CreateTruncating(g[r * d + i]) / denominator - dot * normSlope / (denominator * denominator));
            }
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PrintName}({P}, {Eps})");

    private static (int Rows, int D) Rows(Tensor<T> input)
    {
        Require.Dims(input, "input [D] or [N, D]", 1, 2);
        return input.Dim() == 1 ? (1, input.Size(0)) : (input.Size(0), input.Size(1));
    }
}
