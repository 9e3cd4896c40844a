using BigDL.Kernel.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Completion and symbol documentation for a cell, from Roslyn's editor services. The cell is analysed as the
/// continuation of every cell that ran before it (their code precedes it in one script document), so variables and
/// types defined earlier complete too.
/// </summary>
internal sealed class EditorServices : IDisposable
{
    private readonly AdhocWorkspace workspace = new(MefHostServices.Create(MefHostServices.DefaultAssemblies));
    private readonly ProjectId project;
    private readonly List<string> history = [];
    private string prefix = "";

    public EditorServices(IEnumerable<MetadataReference> references, IEnumerable<string> imports)
    {
        var info = ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "cells", "cells", LanguageNames.CSharp,
                isSubmission: true, hostObjectType: typeof(NotebookGlobals))
            .WithMetadataReferences(references)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, usings: imports, allowUnsafe: true))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        project = workspace.AddProject(info).Id;
    }

    /// <summary>A cell ran: its code becomes context for later completions.</summary>
    public void Ran(string code)
    {
        history.Add(code);
        prefix = string.Concat(history.Select(c => c + "\n"));
    }

    /// <summary>Packages or assemblies referenced since: they complete too.</summary>
    public void AddReferences(IEnumerable<MetadataReference> references)
    {
        var solution = workspace.CurrentSolution.AddMetadataReferences(project, references);
        workspace.TryApplyChanges(solution);
    }

    public async Task<CompletionResult> CompleteAsync(string code, int cursor, CancellationToken cancellation)
    {
        int position = CodePoints.ToUtf16(code, cursor);
        var document = Document(code);
        var service = CompletionService.GetService(document);
        int absolute = prefix.Length + position;
        var list = service is null ? null : await service.GetCompletionsAsync(document, absolute, cancellationToken: cancellation).ConfigureAwait(false);
        if (list is null) return new CompletionResult([], cursor, cursor);
        int start = Math.Clamp(list.Span.Start - prefix.Length, 0, position);
        string typed = code[start..position];
        var matches = list.ItemsList
            .Where(item => item.FilterText.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
            .OrderBy(item => item.FilterText.StartsWith(typed, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(item => item.SortText, StringComparer.Ordinal)
            .Select(item => item.DisplayText)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new CompletionResult(matches, CodePoints.FromUtf16(code, start), cursor);
    }

    public async Task<InspectionResult> InspectAsync(string code, int cursor, int detailLevel, CancellationToken cancellation)
    {
        int position = prefix.Length + CodePoints.ToUtf16(code, cursor);
        var document = Document(code);
        var model = await document.GetSemanticModelAsync(cancellation).ConfigureAwait(false);
        if (model is null) return new InspectionResult(null);
        // The cursor usually sits just after the name the user asks about.
        var symbol = await SymbolFinder.FindSymbolAtPositionAsync(model, position, workspace, cancellation).ConfigureAwait(false)
            ?? (position > 0 ? await SymbolFinder.FindSymbolAtPositionAsync(model, position - 1, workspace, cancellation).ConfigureAwait(false) : null);
        return symbol is null ? new InspectionResult(null) : new InspectionResult(SymbolDocumentation.Describe(symbol, detailLevel));
    }

    private Document Document(string code)
    {
        var id = DocumentId.CreateNewId(project);
        var solution = workspace.CurrentSolution.AddDocument(id, "cell.csx", SourceText.From(prefix + code), filePath: null);
        return solution.GetDocument(id)!.WithSourceCodeKind(SourceCodeKind.Script);
    }

    public void Dispose() => workspace.Dispose();
}
