using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>A <see cref="SpatialConvolution{T}"/> under BigDL's name for convolutions that share their im2col buffers.</summary>
/// <remarks>
/// BigDL's <c>nn.SpatialShareConvolution</c> shared one unfold buffer between all its instances to save memory in deep
/// models. Here every convolution's buffer is bounded (it unfolds at most 2M values at a time, batch chunk by chunk),
/// so sharing brings little; the class exists so BigDL model definitions port unchanged, and computes exactly as
/// SpatialConvolution.
/// </remarks>
public sealed class SpatialShareConvolution<T>(int nInputPlane, int nOutputPlane, int kernelW, int kernelH, int strideW = 1, int strideH = 1,
    int padW = 0, int padH = 0, int nGroup = 1, bool propagateBack = true, bool withBias = true)
    : SpatialConvolution<T>(nInputPlane, nOutputPlane, kernelW, kernelH, strideW, strideH, padW, padH, 1, 1, nGroup, propagateBack, withBias, null, null)
    where T : unmanaged, IFloatingPointIeee754<T>;
