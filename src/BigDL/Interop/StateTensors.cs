using System.Numerics;
using System.Reflection;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interop;

/// <summary>Which public tensor properties of a module are state to save: all but gradients, outputs and constructor inputs.</summary>
internal static class StateTensors
{
    private static readonly string[] NotState = ["Output", "GradInput"];

    public static IEnumerable<PropertyInfo> Of(Type moduleType) =>
        moduleType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && IsTensor(p.PropertyType)
                        && !NotState.Contains(p.Name) && !p.Name.StartsWith("Grad", StringComparison.Ordinal))
            .OrderBy(p => p.Name, StringComparer.Ordinal);

    private static bool IsTensor(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Tensor<>);
}
