using System.Numerics;

namespace BigDL.NN;

/// <summary>A module made of other modules (Sequential, Concat, Graph, …); lets tools walk a model.</summary>
/// <typeparam name="T">Element type: float or double.</typeparam>
public interface IContainer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The child modules, in the order the container prints and numbers them (0-based).</summary>
    IReadOnlyList<Module<T>> Modules { get; }
}
