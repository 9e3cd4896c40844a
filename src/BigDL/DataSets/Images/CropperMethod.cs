namespace BigDL.DataSets;

/// <summary>Where <see cref="BGRImgCropper"/> takes its patch from.</summary>
/// <remarks>BigDL's <c>CropperMethod</c> (<c>CropRandom</c>, <c>CropCenter</c>).</remarks>
public enum CropperMethod
{
    /// <summary>A position drawn uniformly from every position where the patch fits (training augmentation).</summary>
    Random,

    /// <summary>The centre of the image, rounded towards the top left (validation and testing).</summary>
    Center,
}
