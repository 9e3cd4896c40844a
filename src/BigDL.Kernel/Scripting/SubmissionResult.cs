using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BigDL.Kernel.Scripting;

/// <summary>
/// Whether a submission ends with a value to show: its last statement is an expression with no semicolon
/// (<c>1 + 1</c>, <c>tensor</c>) whose type is not <c>void</c> — the rule that makes a trailing expression the cell's
/// result in C# scripting.
/// </summary>
internal static class SubmissionResult
{
    public static bool HasValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax unit) return false;
        if (unit.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }) return false;
        if (!statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
