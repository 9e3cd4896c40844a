using System.Numerics;

namespace BigDL.NN;

/// <summary>Builds functional models: <c>module.Inputs(nodes…)</c>.</summary>
public static class ModuleNodeExtensions
{
    /// <summary>A node that runs <paramref name="module"/> on the outputs of <paramref name="nodes"/> (BigDL's <c>inputs</c>).</summary>
    public static ModuleNode<T> Inputs<T>(this Module<T> module, params ModuleNode<T>[] nodes) where T : unmanaged, IFloatingPointIeee754<T> =>
        new(module, nodes);
}
