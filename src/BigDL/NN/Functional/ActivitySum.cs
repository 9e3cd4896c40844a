using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Copies, zeros and element-wise sums of activities of one structure (tensors, or tables of them), into reused buffers.</summary>
internal static class ActivitySum
{
    /// <summary>A copy of <paramref name="source"/>, reusing <paramref name="buffer"/> when it has the same structure.</summary>
    public static IActivity CopyOf<T>(IActivity source, IActivity buffer) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (source is Table table)
        {
            var target = buffer as Table ?? new Table();
            target.Truncate(table.Count);
            for (int i = 0; i < table.Count; i++)
                target[i] = CopyOf<T>(table[i], i < target.Count ? target[i] : new Tensor<T>());
            return target;
        }
        var tensor = source.ToTensor<T>();
        var copy = buffer is Tensor<T> reusable && !ReferenceEquals(reusable, source) ? reusable : new Tensor<T>();
        return copy.ResizeAs(tensor).Copy(tensor);
    }

    /// <summary>Zeros with the structure and shapes of <paramref name="activity"/>.</summary>
    public static IActivity ZerosLike<T>(IActivity activity) where T : unmanaged, IFloatingPointIeee754<T> => activity is Table table
        ? new Table([.. table.Select(ZerosLike<T>)])
        : new Tensor<T>(activity.ToTensor<T>().Size());

    /// <summary>target += addend (same structure and shapes), returning target.</summary>
    public static IActivity AddInto<T>(IActivity target, IActivity addend) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (target is Table table)
        {
            var other = addend.ToTable();
            if (other.Count != table.Count)
                throw new ArgumentException($"cannot add {Activity.Describe(addend)} to {Activity.Describe(target)}: different structure", nameof(addend));
            for (int i = 0; i < table.Count; i++) table[i] = AddInto<T>(table[i], other[i]);
            return table;
        }
        var sum = target.ToTensor<T>();
        var term = addend.ToTensor<T>();
        if (!sum.IsSameSizeAs(term))
            throw new ArgumentException($"cannot add a gradient {Shape.Format(term.Size())} to one of {Shape.Format(sum.Size())}", nameof(addend));
        return sum.Add(term);
    }
}
