namespace BigDL.Interactive.Formatting;

/// <summary>One encoded image of an <see cref="ImageGrid"/>.</summary>
/// <param name="Png">The PNG file.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Caption">Text under the image (a label), or null.</param>
internal sealed record GridImage(byte[] Png, int Width, int Height, string? Caption);
