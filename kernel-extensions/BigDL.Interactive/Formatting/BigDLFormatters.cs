using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// Registers the notebook formatters for BigDL's types with the formatter registry shared by .NET Interactive and our
/// Jupyter kernel (<c>Microsoft.DotNet.Interactive.Formatting</c>): HTML and plain text for tensors, tables, modules
/// and <see cref="ModelSummary"/>, validation results, training events, samples, mini-batches and
/// <see cref="ImageGrid"/>, with HTML preferred over plain text for each of them.
/// </summary>
/// <remarks>
/// The extension calls <see cref="Register"/> when it loads. Plain text is what the core prints (a tensor in BigDL's
/// Scala-shell layout, a module as BigDL prints it); HTML is a clipped table, a layer table or an image grid.
/// Tensors, modules, samples and mini-batches are registered as open generic types, so every element type is covered;
/// lists of samples and the results of <c>Evaluate</c> are registered for float and double.
/// </remarks>
public static class BigDLFormatters
{
    private static readonly Lock Gate = new();
    private static readonly DelegateFormatter[] Formatters = [.. Create()];

    /// <summary>The types <see cref="Register"/> gives formatters (and preferred MIME types) for.</summary>
    public static IReadOnlyList<Type> FormattedTypes { get; } = [.. Formatters.Select(f => f.Type).Distinct()];

    /// <summary>
    /// Registers the formatters and makes <c>text/html</c>, then <c>text/plain</c>, the preferred MIME types of every
    /// type in <see cref="FormattedTypes"/>. Idempotent: a second call changes nothing; after the registry is reset
    /// (<c>Formatter.ResetToDefault()</c>) a call registers them again.
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            var registered = Formatter.RegisteredFormatters(true).ToHashSet();
            var missing = Formatters.Where(f => !registered.Contains(f)).ToList();
            if (missing.Count == 0) return;
            foreach (var formatter in missing) Formatter.Register(formatter);
            foreach (var type in FormattedTypes) Formatter.SetPreferredMimeTypesFor(type, HtmlFormatter.MimeType, PlainTextFormatter.MimeType);
        }
    }

    private static IEnumerable<DelegateFormatter> Create()
    {
        yield return HtmlOutput(typeof(Tensor<>), TensorHtml.WriteAny);
        yield return PlainText(typeof(Tensor<>), value => value.ToString());
        yield return HtmlOutput(typeof(Table), (writer, value) => TableHtml.Write(writer, (Table)value));
        yield return PlainText(typeof(Table), value => value.ToString());
        yield return HtmlOutput(typeof(Module<>), ModelSummaryHtml.WriteModule);
        yield return PlainText(typeof(Module<>), value => value.ToString());
        yield return HtmlOutput(typeof(ModelSummary), (writer, value) => ModelSummaryHtml.Write(writer, (ModelSummary)value));
        yield return PlainText(typeof(ModelSummary), value => value.ToString());
        yield return HtmlOutput(typeof(ValidationResult), (writer, value) => ValidationTable.WriteHtml(writer, ValidationTable.ByKind([(ValidationResult)value])));
        yield return PlainText(typeof(ValidationResult), value => value.ToString());
        foreach (var formatter in ValidationTables(typeof(IEnumerable<ValidationResult>), value => ValidationTable.ByKind((IEnumerable<ValidationResult>)value)))
            yield return formatter;
        foreach (var formatter in ValidationTables(typeof(IEnumerable<(string, ValidationResult)>), value => (IEnumerable<(string, ValidationResult)>)value))
            yield return formatter;
        yield return HtmlOutput(typeof(TrainingEvent), (writer, value) => Html.Div(writer, "bigdl-event", TrainingEventText.Summary((TrainingEvent)value)));
        yield return PlainText(typeof(TrainingEvent), value => TrainingEventText.Summary((TrainingEvent)value));
        yield return HtmlOutput(typeof(Sample<>), RecordHtml.WriteSample);
        yield return PlainText(typeof(Sample<>), value => value.ToString());
        yield return HtmlOutput(typeof(MiniBatch<>), RecordHtml.WriteMiniBatch);
        yield return PlainText(typeof(MiniBatch<>), value => value.ToString());
        yield return HtmlOutput(typeof(ImageGrid), (writer, value) => ImageGridHtml.Write(writer, (ImageGrid)value));
        yield return PlainText(typeof(ImageGrid), value => value.ToString());
        foreach (var formatter in ForElementType<float>().Concat(ForElementType<double>())) yield return formatter;
    }

    /// <summary>Formatters for collections, which the registry cannot match with a partly open type such as <c>IEnumerable&lt;Sample&lt;&gt;&gt;</c>.</summary>
    private static IEnumerable<DelegateFormatter> ForElementType<T>() where T : unmanaged, IFloatingPointIeee754<T>
    {
        yield return HtmlOutput(typeof(IReadOnlyList<Sample<T>>), (writer, value) => RecordHtml.Write(writer, (IReadOnlyList<Sample<T>>)value));
        foreach (var formatter in ValidationTables(typeof(IEnumerable<(ValidationMethod<T>, ValidationResult)>),
                     value => ((IEnumerable<(ValidationMethod<T> Method, ValidationResult Result)>)value).Select(r => (r.Method.Name, r.Result))))
            yield return formatter;
    }

    private static IEnumerable<DelegateFormatter> ValidationTables(Type type, Func<object, IEnumerable<(string, ValidationResult)>> rows)
    {
        yield return HtmlOutput(type, (writer, value) => ValidationTable.WriteHtml(writer, rows(value)));
        yield return PlainText(type, value => ValidationTable.PlainText(rows(value)));
    }

    private static DelegateFormatter HtmlOutput(Type type, Action<TextWriter, object> body) =>
        DelegateFormatter.Html(type, (value, writer) => Html.Document(writer, w => body(w, value)));

    private static DelegateFormatter PlainText(Type type, Func<object, string?> text) =>
        DelegateFormatter.PlainText(type, (value, writer) => writer.Write(text(value)));
}
