using System.Numerics;

namespace BigDL.NN;

/// <summary>An input of a functional model (<see cref="Graph{T}"/>): a node that passes the graph's input on.</summary>
/// <remarks>BigDL's <c>Input()</c>: <c>var x = new Input&lt;float&gt;(); var y = new Linear&lt;float&gt;(4, 2).Inputs(x);</c></remarks>
public sealed class Input<T> : ModuleNode<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates an input node, optionally named.</summary>
    public Input(string? name = null) : base(Named(new Identity<T>(), name))
    {
    }

    private static Module<T> Named(Module<T> module, string? name) => name is null ? module : module.SetName(name);
}
