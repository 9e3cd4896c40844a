using System.Numerics;
using BigDL.Interop;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// BigDL's extra parameters: the state a model learns beside its weights without gradients — the running means and
/// variances of batch normalisation. Replicas of a model each update their own while their weights stay shared, so
/// data-parallel training averages them where its replicas meet.
/// </summary>
internal static class ExtraParameters
{
    /// <summary>The state tensors of <paramref name="model"/> and its descendants that are not weights, each once, in the order of a walk of the model.</summary>
    public static Tensor<T>[] Of<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var seen = new HashSet<Tensor<T>>(model.Parameters().Weights, ReferenceEqualityComparer.Instance);
        var found = new List<Tensor<T>>();
        Collect(model, seen, found);
        return [.. found];
    }

    /// <summary>The elements of <paramref name="tensors"/>, one after the other.</summary>
    public static double[] Read<T>(Tensor<T>[] tensors) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new double[tensors.Sum(t => t.NElement())];
        int at = 0;
        foreach (var tensor in tensors)
            foreach (var value in tensor.Contiguous().AsSpan()) values[at++] = double.CreateTruncating(value);
        return values;
    }

    /// <summary>Sets the elements of <paramref name="tensors"/> from <paramref name="values"/>, as <see cref="Read"/> laid them out.</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold one value per element.</exception>
    public static void Write<T>(Tensor<T>[] tensors, ReadOnlySpan<double> values) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long elements = tensors.Sum(t => (long)t.NElement());
        if (values.Length != elements)
            throw new ArgumentException($"expected {elements} values for the model's extra parameters, got {values.Length}", nameof(values));
        int at = 0;
        foreach (var tensor in tensors)
        {
            var contiguous = tensor.IsContiguous() ? tensor : new Tensor<T>(tensor.Size());
            var span = contiguous.AsSpan();
            for (int i = 0; i < span.Length; i++) span[i] = T.CreateTruncating(values[at++]);
            if (!ReferenceEquals(contiguous, tensor)) tensor.Copy(contiguous);
        }
    }

    /// <summary>
    /// The element-wise mean of the <paramref name="count"/> equal-length vectors laid end to end in <paramref name="stacked"/>;
    /// elements equal in all of them (constants such as a normalisation kernel) come out exactly unchanged.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="stacked"/> does not split into <paramref name="count"/> equal parts.</exception>
    public static double[] Mean(ReadOnlySpan<double> stacked, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (stacked.Length % count != 0)
            throw new ArgumentException($"expected {count} vectors of equal length, got {stacked.Length} values", nameof(stacked));
        int length = stacked.Length / count;
        var mean = stacked[..length].ToArray();
        for (int i = 0; i < length; i++)
        {
            double deviations = 0;
            for (int v = 1; v < count; v++) deviations += stacked[v * length + i] - mean[i];
            mean[i] += deviations / count;
        }
        return mean;
    }

    private static void Collect<T>(Module<T> module, HashSet<Tensor<T>> seen, List<Tensor<T>> found) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (var property in StateTensors.Of(module.GetType()))
            if (property.GetValue(module) is Tensor<T> tensor && seen.Add(tensor)) found.Add(tensor);
        if (module is IContainer<T> container)
            foreach (var child in container.Modules) Collect(child, seen, found);
    }
}
