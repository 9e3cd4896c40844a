namespace BigDL.NN;

/// <summary>
/// A module was given an input it cannot take. The message leads with the path to the module, e.g.
/// <c>nn.Sequential[2] > nn.Linear(784 -> 10): expected input [784] or [N, 784], got [128, 28, 28]</c>.
/// </summary>
/// <remarks>BigDL's <c>LayerException</c>. It is an <see cref="ArgumentException"/>: the fault is in the arguments.</remarks>
public sealed class LayerException : ArgumentException
{
    internal LayerException(string layer, ArgumentException reason) : this(layer, reason.Message, reason)
    {
    }

    private LayerException(string layerPath, string reason, Exception inner) : base($"{layerPath}: {reason}", inner)
    {
        LayerPath = layerPath;
        Reason = reason;
    }

    /// <summary>The modules from the outermost container down to the one that failed, separated by <c> > </c>.</summary>
    public string LayerPath { get; }

    /// <summary>What was wrong, without the path.</summary>
    public string Reason { get; }

    /// <inheritdoc/>
    public override string? ParamName => (InnerException as ArgumentException)?.ParamName;

    /// <summary>The same failure seen from a container: <paramref name="outer"/> is put in front of the path.</summary>
    internal LayerException Within(string outer) => new($"{outer} > {LayerPath}", Reason, InnerException!);
}
