using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Input checks for layers: each failure is an <see cref="ArgumentException"/> stating the expected and the actual
/// shape. <see cref="AbstractModule{TIn, TOut, T}.Forward(TIn)"/> puts the layer's name in front.
/// </summary>
internal static class Require
{
    /// <summary>Throws unless <paramref name="condition"/> holds: "expected {expected}, got [sizes of actual]".</summary>
    /// <example><c>Require.Shape(input.Dim() is 1 or 2, $"input [{n}] or [N, {n}]", input)</c></example>
    public static void Shape<T>(bool condition, string expected, Tensor<T> actual, string argument = "input")
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!condition) throw new ArgumentException($"expected {expected}, got {BigDL.Tensors.Shape.Format(actual.Size())}", argument);
    }

    /// <summary>Throws unless <paramref name="actual"/> has one of the numbers of dimensions in <paramref name="dims"/>.</summary>
    public static void Dims<T>(Tensor<T> actual, string expected, params ReadOnlySpan<int> dims) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (int d in dims)
            if (actual.Dim() == d) return;
        Shape(false, expected, actual);
    }

    /// <summary>Throws unless <paramref name="gradOutput"/> has the shape of <paramref name="output"/>.</summary>
    public static void SameShape<T>(Tensor<T> gradOutput, Tensor<T> output, string argument = "gradOutput") where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!gradOutput.IsSameSizeAs(output))
            throw new ArgumentException($"expected {argument} of the output's shape {BigDL.Tensors.Shape.Format(output.Size())}, got {BigDL.Tensors.Shape.Format(gradOutput.Size())}", argument);
    }

    /// <summary>Throws unless <paramref name="activity"/> is a table of at least <paramref name="count"/> elements.</summary>
    public static Table Table(IActivity activity, int count, string argument = "input")
    {
        if (activity is Table table && table.Count >= count) return table;
        throw new ArgumentException($"expected {argument} to be a table of at least {count} elements, got {Activity.Describe(activity)}", argument);
    }
}
