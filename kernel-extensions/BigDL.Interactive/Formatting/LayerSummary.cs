namespace BigDL.Interactive.Formatting;

/// <summary>One row of a <see cref="ModelSummary"/>: a module of the model.</summary>
/// <param name="Index">
/// The module's position as 0-based child indices from the model down, joined by dots (<c>5</c>, <c>2.1</c>); empty
/// for the model itself.
/// </param>
/// <param name="Depth">Nesting level: 0 for the model, 1 for its children, and so on.</param>
/// <param name="Name">The module's name (<c>SetName</c>, else the generated one, e.g. <c>Tanh12</c>).</param>
/// <param name="Type">BigDL's one-line description, e.g. <c>SpatialConvolution(1 -> 6, 5x5, 1, 1, 0, 0)</c>.</param>
/// <param name="OutputShape">The shape of its last output, e.g. <c>[1×6×24×24]</c>; <c>—</c> when it has not run.</param>
/// <param name="Parameters">Learnable values in the module and everything inside it.</param>
/// <param name="IsContainer">Whether the rows after it up to the next row of the same depth are its children.</param>
public sealed record LayerSummary(string Index, int Depth, string Name, string Type, string OutputShape, long Parameters, bool IsContainer);
