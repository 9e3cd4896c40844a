namespace BigDL.Tensors;

/// <summary>The shape of a tensor, whatever its element type (lets messages describe any tensor).</summary>
internal interface IShaped
{
    /// <summary>The sizes of every dimension.</summary>
    int[] Size();
}
