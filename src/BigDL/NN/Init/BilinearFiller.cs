using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Bilinear-interpolation kernels for a deconvolution weight whose last two dimensions are kernel height and
/// width (an upsampling <c>SpatialFullConvolution</c> starts as bilinear upsampling).
/// </summary>
/// <remarks>BigDL's and Caffe's <c>BilinearFiller</c>.</remarks>
public sealed class BilinearFiller : InitializationMethod
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The tensor has fewer than 2 dimensions or a non-square kernel.</exception>
    public override void Init<T>(Tensor<T> variable, VariableFormat format)
    {
        ArgumentNullException.ThrowIfNull(variable);
        if (variable.Dim() < 2 || variable.Size(-1) != variable.Size(-2))
            throw new ArgumentException($"expected a weight ending in a square kernel [.., k, k], got {Shape.Format(variable.Size())}", nameof(variable));
        int k = variable.Size(-1);
        double f = Math.Ceiling(k / 2.0);
        double c = (2 * f - 1 - f % 2) / (2 * f);
        var kernel = new Tensor<T>(k, k);
        for (int y = 0; y < k; y++)
            for (int x = 0; x < k; x++)
                kernel[y, x] = T.CreateTruncating((1 - Math.Abs(x / f - c)) * (1 - Math.Abs(y / f - c)));
        variable.Copy(kernel.Expand(variable.Size()));
    }
}
