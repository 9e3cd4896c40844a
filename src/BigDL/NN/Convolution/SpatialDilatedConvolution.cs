using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// 2-d convolution whose kernel taps are <c>dilationW</c>/<c>dilationH</c> apart (atrous convolution): the kernel covers
/// dilation·(k − 1) + 1 pixels with k·k weights.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.SpatialDilatedConvolution</c> (PyTorch <c>nn.Conv2d(dilation=…)</c>); otherwise as <see cref="SpatialConvolution{T}"/>.</remarks>
/// <param name="nInputPlane">Input channels.</param>
/// <param name="nOutputPlane">Output channels.</param>
/// <param name="kW">Kernel width (taps).</param>
/// <param name="kH">Kernel height (taps).</param>
/// <param name="dW">Horizontal step (default 1).</param>
/// <param name="dH">Vertical step (default 1).</param>
/// <param name="padW">Padding left and right (default 0).</param>
/// <param name="padH">Padding top and bottom (default 0).</param>
/// <param name="dilationW">Horizontal distance between taps (default 1).</param>
/// <param name="dilationH">Vertical distance between taps (default 1).</param>
public sealed class SpatialDilatedConvolution<T>(int nInputPlane, int nOutputPlane, int kW, int kH, int dW = 1, int dH = 1,
    int padW = 0, int padH = 0, int dilationW = 1, int dilationH = 1)
    : SpatialConvolution<T>(nInputPlane, nOutputPlane, kW, kH, dW, dH, padW, padH, dilationW, dilationH, 1, true, true, null, null)
    where T : unmanaged, IFloatingPointIeee754<T>;
