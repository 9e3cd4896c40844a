using System.Numerics;

namespace BigDL.NN;

/// <summary>
/// A node of a functional model: a module and the nodes whose outputs feed it (in order). Made by
/// <c>module.Inputs(nodes…)</c>; the start of a model is an <see cref="Input{T}"/>.
/// </summary>
/// <remarks>
/// BigDL's <c>ModuleNode</c>. Predecessors are fixed when the node is made, so a graph of nodes cannot contain a
/// cycle. A node with several predecessors gives its module a <c>Table</c> of their outputs.
/// </remarks>
public class ModuleNode<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ModuleNode<T>[] _predecessors;

    /// <summary>Creates a node of <paramref name="element"/> fed by <paramref name="predecessors"/>.</summary>
    public ModuleNode(Module<T> element, params ModuleNode<T>[] predecessors)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(predecessors);
        foreach (var node in predecessors) ArgumentNullException.ThrowIfNull(node, nameof(predecessors));
        Element = element;
        _predecessors = [.. predecessors];
    }

    /// <summary>The module this node runs.</summary>
    public Module<T> Element { get; }

    /// <summary>The nodes feeding this one, in the order their outputs are given to the module.</summary>
    public IReadOnlyList<ModuleNode<T>> Predecessors => _predecessors;

    /// <summary>The module's one-line description and name.</summary>
    public override string ToString() => Element.Label;
}
