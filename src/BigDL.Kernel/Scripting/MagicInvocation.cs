namespace BigDL.Kernel.Scripting;

/// <summary>One <c>#!name arguments</c> line of a cell and the handler that runs it.</summary>
/// <param name="Name">The command's name, without <c>#!</c>.</param>
/// <param name="Arguments">The text after the name, trimmed.</param>
/// <param name="Handler">Runs the command; a non-null result is displayed.</param>
internal sealed record MagicInvocation(string Name, string Arguments, Func<string, object?> Handler);
