using System.Numerics;

namespace BigDL.Tensors;

/// <summary>Conversions and descriptions of <see cref="IActivity"/> values.</summary>
public static class Activity
{
    /// <summary>The activity as a tensor of <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentException">It is a table or a tensor of another element type.</exception>
    public static Tensor<T> ToTensor<T>(this IActivity activity) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity as Tensor<T>
            ?? throw new ArgumentException($"expected {Describe(typeof(Tensor<T>))}, got {Describe(activity)}", nameof(activity));
    }

    /// <summary>The activity as a <see cref="Table"/>.</summary>
    /// <exception cref="ArgumentException">It is a tensor.</exception>
    public static Table ToTable(this IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity as Table ?? throw new ArgumentException($"expected a table, got {Describe(activity)}", nameof(activity));
    }

    /// <summary>A short description for messages: <c>tensor [2, 3]</c> or <c>table {tensor [2], tensor [3]}</c>.</summary>
    public static string Describe(IActivity? activity) => activity switch
    {
        null => "nothing",
        Table table => "table {" + string.Join(", ", table.Select(Describe)) + "}",
        IShaped tensor => "tensor " + Shape.Format(tensor.Size()),
        _ => activity.GetType().Name,
    };

    /// <summary>A short description of an activity type for messages: <c>a tensor of Single</c>, <c>a table</c>.</summary>
    public static string Describe(Type activityType)
    {
        ArgumentNullException.ThrowIfNull(activityType);
        if (activityType == typeof(Table)) return "a table";
        if (activityType.IsGenericType && activityType.GetGenericTypeDefinition() == typeof(Tensor<>))
            return $"a tensor of {activityType.GetGenericArguments()[0].Name}";
        return activityType == typeof(IActivity) ? "a tensor or a table" : activityType.Name;
    }
}
