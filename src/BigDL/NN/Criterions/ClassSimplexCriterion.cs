using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Mean squared error between the input [N, nClasses] (or [nClasses]) and the vertex of a regular simplex that stands
/// for each sample's 0-based class: nClasses unit vectors with pairwise dot products −1/(nClasses − 1).
/// </summary>
/// <remarks>BigDL/Torch <c>nn.ClassSimplexCriterion</c>; the vertices are built as Torch's <c>regsplex</c> and padded with a zero coordinate.</remarks>
public sealed class ClassSimplexCriterion<T> : TensorCriterion<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly MSECriterion<T> _mse = new();
    private readonly Tensor<T> _targets = new();

    /// <summary>Creates the criterion.</summary>
    /// <param name="nClasses">Number of classes (at least 2).</param>
    public ClassSimplexCriterion(int nClasses)
    {
        if (nClasses < 2) throw new ArgumentOutOfRangeException(nameof(nClasses), nClasses, "nClasses must be at least 2");
        NClasses = nClasses;
        Simplex = Vertices(nClasses);
    }

    /// <summary>Number of classes.</summary>
    public int NClasses { get; }

    /// <summary>The vertices [nClasses, nClasses], one row per class.</summary>
    public Tensor<T> Simplex { get; }

    /// <inheritdoc/>
    protected override T UpdateOutput(Tensor<T> input, Tensor<T> target) => _mse.Forward(input, Embed(input, target));

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> target)
    {
        GradInput = _mse.Backward(input, Embed(input, target));
        return GradInput;
    }

    private Tensor<T> Embed(Tensor<T> input, Tensor<T> target)
    {
        Require.Shape(input.Dim() is 1 or 2 && input.Size(-1) == NClasses, $"input [{NClasses}] or [N, {NClasses}]", input);
        int n = input.Dim() == 1 ? 1 : input.Size(0);
        if (target.NElement() != n)
            throw new ArgumentException($"expected {n} class indices for input {Shape.Format(input.Size())}, got {Shape.Format(target.Size())}", nameof(target));
        var labels = target.Contiguous().AsSpan();
        _targets.ResizeAs(input);
        var rows = _targets.View(n, NClasses);
        for (int i = 0; i < n; i++)
        {
            int label = int.CreateTruncating(labels[i]);
            if (label < 0 || label >= NClasses)
                throw new ArgumentException($"target {label} at row {i} is outside [0, {NClasses}); labels are 0-based (BigDL Scala used 1-based)", nameof(target));
            rows.Select(0, i).Copy(Simplex.Select(0, label));
        }
        return _targets;
    }

    /// <summary>Torch's regsplex: k unit vectors in k − 1 dimensions with equal pairwise angles, then a zero column.</summary>
    private static Tensor<T> Vertices(int k)
    {
        int n = k - 1;
        var a = new double[k, k];
        for (int d = 0; d < n; d++)
        {
            double squares = 0;
            for (int j = 0; j < d; j++) squares += a[d, j] * a[d, j];
            a[d, d] = Math.Sqrt(1 - squares);
            double c = (a[d, d] * a[d, d] - 1 - 1.0 / n) / a[d, d];
            for (int r = d + 1; r < k; r++) a[r, d] = c;
        }
        var vertices = new Tensor<T>(k, k);
        for (int r = 0; r < k; r++)
            for (int d = 0; d < k; d++) vertices[r, d] = T.CreateTruncating(a[r, d]);
        return vertices;
    }
}
