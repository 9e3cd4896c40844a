using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Turns a module's parameter tensors into views of one flat storage (BigDL's <c>Module.flatten</c>).</summary>
internal static class ParameterFlattening
{
    /// <summary>The tensors without repeats (a tensor shared by two layers appears once).</summary>
    public static List<Tensor<T>> Distinct<T>(IEnumerable<Tensor<T>> tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var seen = new HashSet<Tensor<T>>(ReferenceEqualityComparer.Instance);
        var distinct = new List<Tensor<T>>();
        foreach (var tensor in tensors)
            if (seen.Add(tensor)) distinct.Add(tensor);
        return distinct;
    }

    /// <summary>
    /// One 1-d tensor over all of <paramref name="tensors"/>. When they already lie back to back in one storage it
    /// is a view of it; otherwise their values move into a new storage and each tensor is re-pointed at its slice.
    /// </summary>
    public static Tensor<T> Flatten<T>(IEnumerable<Tensor<T>> tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var distinct = Distinct(tensors);
        int total = 0;
        foreach (var tensor in distinct) total = checked(total + tensor.NElement());
        if (total == 0) return new Tensor<T>();
        if (IsCompact(distinct, out var shared)) return new Tensor<T>(shared!, distinct[0].StorageOffset, [total]);

        var storage = new Storage<T>(total);
        int offset = 0;
        foreach (var tensor in distinct)
        {
            var slice = new Tensor<T>(storage, offset, tensor.Size());
            slice.Copy(tensor);
            tensor.Set(storage, offset, tensor.Size());
            offset += tensor.NElement();
        }
        return new Tensor<T>(storage, 0, [total]);
    }

    private static bool IsCompact<T>(List<Tensor<T>> tensors, out Storage<T>? storage) where T : unmanaged, IFloatingPointIeee754<T>
    {
        storage = tensors[0].Storage;
        int next = tensors[0].StorageOffset;
        foreach (var tensor in tensors)
        {
            if (!ReferenceEquals(tensor.Storage, storage) || tensor.StorageOffset != next || !tensor.IsContiguous()) return false;
            next += tensor.NElement();
        }
        return storage is not null;
    }
}
