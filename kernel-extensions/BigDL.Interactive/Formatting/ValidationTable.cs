using BigDL.Optim;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Validation results as a compact table of method, value and count — one result, a list of results, or the pairs of
/// method and result that <c>Evaluate</c> and <see cref="ValidationCompleted"/> give.
/// </summary>
internal static class ValidationTable
{
    private static readonly string[] Header = ["Method", "Value", "Count"];

    /// <summary>Writes the rows as an HTML table.</summary>
    public static void WriteHtml(TextWriter writer, IEnumerable<(string Method, ValidationResult Result)> results)
    {
        writer.Write("<table class=\"bigdl-left\"><thead><tr>");
        Html.Cell(writer, "th", Header[0]);
        Html.Cell(writer, "th", Header[1], "bigdl-num");
        Html.Cell(writer, "th", Header[2], "bigdl-num");
        writer.Write("</tr></thead><tbody>");
        foreach (var (method, result) in results)
        {
            writer.Write("<tr>");
            Html.Cell(writer, "td", method);
            Html.Cell(writer, "td", ValueText(result), "bigdl-num");
            Html.Cell(writer, "td", CountText(result), "bigdl-num");
            writer.Write("</tr>");
        }
        writer.Write("</tbody></table>");
    }

    /// <summary>The rows as aligned text.</summary>
    public static string PlainText(IEnumerable<(string Method, ValidationResult Result)> results) =>
        TextTable.Format(Header, results.Select(r => (IReadOnlyList<string>)[r.Method, ValueText(r.Result), CountText(r.Result)]), 1, 2);

    /// <summary>Results known without their method, named by their kind (<c>Accuracy</c>, or a mean's name such as <c>Loss</c>).</summary>
    public static IEnumerable<(string Method, ValidationResult Result)> ByKind(IEnumerable<ValidationResult> results) =>
        results.Select(r => (KindName(r), r));

    /// <summary>The value: an accuracy or a mean, in the compact number format.</summary>
    public static string ValueText(ValidationResult result) => NumberFormat.Measurement(result.Result.Value);

    /// <summary>The records behind the value: <c>9,876/10,000</c> (correct of all) for an accuracy, else the count.</summary>
    public static string CountText(ValidationResult result) => result is AccuracyResult accuracy
        ? $"{NumberFormat.Count(accuracy.Correct)}/{NumberFormat.Count(accuracy.Count)}"
        : NumberFormat.Count(result.Result.Count);

    private static string KindName(ValidationResult result) => result switch
    {
        AccuracyResult => "Accuracy",
        MeanResult mean => mean.Name,
        _ => result.GetType().Name.EndsWith("Result", StringComparison.Ordinal) ? result.GetType().Name[..^"Result".Length] : result.GetType().Name,
    };
}
