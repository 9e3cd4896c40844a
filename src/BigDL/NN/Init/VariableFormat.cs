namespace BigDL.NN;

/// <summary>The fan-in and fan-out of a parameter tensor, which scale methods such as <see cref="Xavier"/> use.</summary>
/// <remarks>
/// BigDL's <c>VariableFormat</c> reduced to what the methods read. For a weight of a layer mapping
/// <c>nIn</c> to <c>nOut</c> features through a kernel of <c>k</c> elements: fan-in <c>nIn·k</c>, fan-out <c>nOut·k</c>.
/// </remarks>
/// <param name="FanIn">Inputs that feed one output.</param>
/// <param name="FanOut">Outputs that one input feeds.</param>
public readonly record struct VariableFormat(int FanIn, int FanOut);
