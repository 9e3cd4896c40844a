using BigDL.DataSets;
using BigDL.Interactive.Formatting;
using BigDL.Models;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(FormatterRegistry.Name)]
public class BigDLFormattersTests
{
    [Fact]
    public void Register_Twice_RegistersEachFormatterOnce()
    {
        BigDLFormatters.Register();
        int first = Ours().Count;

        BigDLFormatters.Register();

        Assert.Equal(first, Ours().Count);
        Assert.Equal(Ours().Count, Ours().Distinct().Count());
        Assert.All(BigDLFormatters.FormattedTypes, type => Assert.Contains(Ours(), f => f.Type == type && f.MimeType == HtmlFormatter.MimeType));
    }

    public static TheoryData<Type> DisplayedTypes() =>
    [
        typeof(Tensor<float>),
        typeof(Tensor<double>),
        typeof(Table),
        typeof(Sequential<float>),
        typeof(Linear<double>),
        typeof(ModelSummary),
        typeof(AccuracyResult),
        typeof(MeanResult),
        typeof(ValidationResult[]),
        typeof(List<AccuracyResult>),
        typeof((ValidationMethod<float>, ValidationResult)[]),
        typeof(IReadOnlyList<(string, ValidationResult)>),
        typeof(IterationCompleted),
        typeof(ValidationCompleted),
        typeof(Sample<float>),
        typeof(Sample<double>[]),
        typeof(List<Sample<float>>),
        typeof(MiniBatch<float>),
        typeof(ImageGrid),
    ];

    [Theory]
    [MemberData(nameof(DisplayedTypes))]
    public void PreferredMimeTypes_AreHtmlThenPlainText(Type type)
    {
        BigDLFormatters.Register();

        Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(type).Take(2));
    }

    [Fact]
    public void PreferredMimeTypes_EveryFormattedType_AreHtmlThenPlainText()
    {
        BigDLFormatters.Register();

        Assert.All(BigDLFormatters.FormattedTypes,
            type => Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(type).Take(2)));
    }

    [Theory]
    [MemberData(nameof(DisplayedTypes))]
    public void HtmlFormatter_ForEachDisplayedType_IsOurs(Type type)
    {
        BigDLFormatters.Register();

        Assert.IsType<DelegateFormatter>(Formatter.GetPreferredFormatterFor(type, HtmlFormatter.MimeType));
    }

    [Fact]
    public void Html_TensorOfAnotherElementType_IsCoveredByTheOpenGenericFormatter()
    {
        var t = new Tensor<Half>([(Half)1.5f, (Half)2f], 2);

        string html = Rendered.Html(t);

        Assert.Equal(["Tensor<Half> [2]"], Rendered.Divs(html, "bigdl-title"));
        Assert.Equal(["1.5000", "2.0000"], Rendered.Cells(html));
    }

    [Fact]
    public void Html_ModuleInsideAnotherObject_UsesOurFormatterForIt()
    {
        string html = Rendered.Html(new[] { LeNet5.Create<float>(10) });

        Assert.Contains("Total parameters: 22,278", html);
    }

    private static List<ITypeFormatter> Ours() => [.. Formatter.RegisteredFormatters(true).OfType<DelegateFormatter>()];
}
