namespace BigDL.NN;

/// <summary>Output size of a pooling window along one axis, Torch's floor and ceil rules.</summary>
internal static class PoolingGeometry
{
    /// <summary>
    /// (size + 2·pad − kernel) / stride + 1, rounded down, or up in ceil mode; in ceil mode the last window must start
    /// inside the input or its left padding (Torch/BigDL drop it otherwise).
    /// </summary>
    public static int OutputSize(int size, int kernel, int stride, int pad, bool ceil)
    {
        int span = size + 2 * pad - kernel;
        if (span < 0) return 0;
        int output = (ceil ? (span + stride - 1) / stride : span / stride) + 1;
        if (ceil && (output - 1) * stride >= size + pad) output--;
        return output;
    }
}
