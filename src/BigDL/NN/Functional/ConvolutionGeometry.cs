namespace BigDL.NN;

/// <summary>
/// Where a 2-d convolution window lands: input planes × height × width, kernel, stride, padding (top/left; bottom and
/// right follow from the output size) and dilation, and the output height and width that result.
/// </summary>
internal readonly record struct ConvolutionGeometry(
    int Channels, int Height, int Width, int KernelH, int KernelW, int StrideH, int StrideW,
    int PadTop, int PadLeft, int DilationH, int DilationW, int OutputH, int OutputW)
{
    /// <summary>Elements of one input image (C·H·W).</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>Output positions per image (oH·oW).</summary>
    public int Positions => OutputH * OutputW;

    /// <summary>Rows of the column matrix: one per (channel, kernel row, kernel column).</summary>
    public int ColumnRows => Channels * KernelH * KernelW;

    /// <summary>
    /// The convolution that computes this stride-1, undilated convolution's input gradient from its output gradient
    /// of <paramref name="outPlanes"/> planes: same kernel, the padding mirrored (kernel − 1 − padding), and the input
    /// size as its output size (weights flipped in space, input and output planes swapped).
    /// </summary>
    public ConvolutionGeometry Adjoint(int outPlanes) => new(outPlanes, OutputH, OutputW, KernelH, KernelW, 1, 1,
        KernelH - 1 - PadTop, KernelW - 1 - PadLeft, 1, 1, Height, Width);

    /// <summary>
    /// The geometry for an input of <paramref name="height"/>×<paramref name="width"/>; a padding of −1 means SAME
    /// (TensorFlow's rule: output ⌈size/stride⌉, the extra padding going to the bottom/right). Output sizes below 1
    /// mean the input is too small for the kernel.
    /// </summary>
    public static ConvolutionGeometry Of(int channels, int height, int width, int kernelH, int kernelW, int strideH, int strideW,
        int padH, int padW, int dilationH = 1, int dilationW = 1)
    {
        var (outH, top) = Axis(height, kernelH, strideH, padH, dilationH);
        var (outW, left) = Axis(width, kernelW, strideW, padW, dilationW);
        return new(channels, height, width, kernelH, kernelW, strideH, strideW, top, left, dilationH, dilationW, outH, outW);
    }

    private static (int Output, int Before) Axis(int size, int kernel, int stride, int pad, int dilation)
    {
        int span = dilation * (kernel - 1) + 1;
        if (pad >= 0) return ((size + 2 * pad - span) / stride + 1 - (size + 2 * pad - span < 0 ? 1 : 0), pad);
        int output = (size + stride - 1) / stride;
        int total = Math.Max((output - 1) * stride + span - size, 0);
        return (output, total / 2);
    }
}
