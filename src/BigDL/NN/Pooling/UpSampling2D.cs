using System.Numerics;

namespace BigDL.NN;

/// <summary>Nearest-neighbour upsampling of NCHW images by (height, width) factors.</summary>
/// <remarks>BigDL's <c>nn.UpSampling2D(size)</c> with the NCHW format (Keras's UpSampling2D).</remarks>
/// <param name="sizeH">Vertical factor.</param>
/// <param name="sizeW">Horizontal factor.</param>
public sealed class UpSampling2D<T>(int sizeH, int sizeW) : SpatialUpSamplingNearest<T>(sizeH, sizeW) where T : unmanaged, IFloatingPointIeee754<T>;
