using BigDL.Interactive.Formatting;
using BigDL.Tensors;
using Microsoft.DotNet.Interactive.Formatting;

namespace BigDL.Interactive.Tests.Formatting;

[Collection(RegistryReset.Name)]
public class BigDLFormattersResetTests
{
    [Fact]
    public void Register_AfterTheRegistryWasReset_RegistersAgain()
    {
        BigDLFormatters.Register();
        var others = Formatter.RegisteredFormatters(false).Where(f => f is not DelegateFormatter).ToList();
        var preferred = others.Select(f => f.Type).Distinct().ToDictionary(t => t, t => Formatter.GetPreferredMimeTypesFor(t).ToArray());
        try
        {
            Formatter.ResetToDefault();
            Assert.DoesNotContain("bigdl", new Tensor<float>(2).ToDisplayString(HtmlFormatter.MimeType));

            BigDLFormatters.Register();

            Assert.Contains("<div class=\"bigdl\">", new Tensor<float>(2).ToDisplayString(HtmlFormatter.MimeType));
            Assert.Equal([HtmlFormatter.MimeType, PlainTextFormatter.MimeType], Formatter.GetPreferredMimeTypesFor(typeof(Tensor<float>)).Take(2));
        }
        finally
        {
            for (int i = others.Count - 1; i >= 0; i--) Formatter.Register(others[i]);
            foreach (var (type, mimeTypes) in preferred) Formatter.SetPreferredMimeTypesFor(type, mimeTypes);
        }
    }
}
