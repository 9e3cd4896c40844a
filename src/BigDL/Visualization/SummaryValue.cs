namespace BigDL.Visualization;

/// <summary>
/// One value of a TensorFlow <c>Summary</c> message (<c>Summary.Value</c>): a tag and, for a scalar, its
/// <c>simple_value</c>. Values of other kinds (histograms, images) read back with <see cref="SimpleValue"/> null.
/// </summary>
internal sealed record SummaryValue(string Tag, float? SimpleValue);
