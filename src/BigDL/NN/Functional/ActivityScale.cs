using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>Multiplies every tensor of an activity by a factor, in place.</summary>
internal static class ActivityScale
{
    /// <summary>activity *= factor.</summary>
    public static void Scale<T>(IActivity activity, double factor) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (activity is Table table)
            foreach (var item in table) Scale<T>(item, factor);
        else activity.ToTensor<T>().Mul(T.CreateTruncating(factor));
    }
}
