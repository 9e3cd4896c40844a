namespace BigDL.Kernel.Scripting;

/// <summary>A cell used <c>#!name</c> and no loaded package registered that magic command.</summary>
public sealed class UnknownMagicException(string name, int line, IReadOnlyList<string> known)
    : Exception($"unknown magic command '#!{name}' on line {line}; " +
        (known.Count == 0 ? "no magic commands are registered (they come with packages, e.g. #r \"nuget:BigDL\" adds #!bigdl)" : "registered: " + string.Join(", ", known.Select(k => "#!" + k))))
{
    /// <summary>The name used, without <c>#!</c>.</summary>
    public string Name { get; } = name;
}
