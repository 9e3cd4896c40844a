using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace BigDL.Distributed.Data;

/// <summary>
/// The Arrow schema of a share stream: columns "input" and "target" as fixed-size lists of the element type, one row
/// per record, and the per-record shapes, the dtype and (optionally) the stream's purpose in the schema's metadata.
/// </summary>
internal static class ShareSchema
{
    public const string InputColumn = "input";
    public const string TargetColumn = "target";
    public const string DTypeKey = "bigdl.dtype";
    public const string InputShapeKey = "bigdl.input_shape";
    public const string TargetShapeKey = "bigdl.target_shape";

    /// <summary>"float32" or "float64".</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is neither float nor double.</exception>
    public static string DTypeName<T>()
        => typeof(T) == typeof(float) ? "float32"
            : typeof(T) == typeof(double) ? "float64"
            : throw new NotSupportedException($"share streams carry float or double elements, got {typeof(T).Name}");

    public static Schema Create<T>(int[] inputShape, int[] targetShape, ShareStreamPurpose? purpose)
    {
        var metadata = new Dictionary<string, string>
        {
            [DTypeKey] = DTypeName<T>(),
            [InputShapeKey] = FormatShape(inputShape),
            [TargetShapeKey] = FormatShape(targetShape),
        };
        purpose?.AddTo(metadata);
        return new Schema([Column<T>(InputColumn, inputShape), Column<T>(TargetColumn, targetShape)], metadata);
    }

    /// <summary>Checks that <paramref name="schema"/> is a share stream of <typeparamref name="T"/>; gives its per-record shapes and its purpose (null: none stated).</summary>
    /// <exception cref="InvalidDataException">It is not: metadata missing, another dtype, columns of another type or length, or a malformed purpose.</exception>
    public static (int[] Input, int[] Target, ShareStreamPurpose? Purpose) Read<T>(Schema schema)
    {
        var metadata = schema.Metadata ?? new Dictionary<string, string>();
        string dtype = Required(metadata, DTypeKey);
        if (dtype != DTypeName<T>())
            throw new InvalidDataException($"expected a share stream of {DTypeName<T>()} (the reader's element type), got {DTypeKey} \"{dtype}\"");
        var input = ParseShape(Required(metadata, InputShapeKey), InputShapeKey);
        var target = ParseShape(Required(metadata, TargetShapeKey), TargetShapeKey);
        CheckColumn<T>(schema, 0, InputColumn, input);
        CheckColumn<T>(schema, 1, TargetColumn, target);
        return (input, target, ShareStreamPurpose.Read(metadata));
    }

    /// <summary>Elements per record of a per-record shape: the product of its sizes, 1 for a scalar.</summary>
    public static int ElementCount(int[] shape) => shape.Aggregate(1, (n, size) => checked(n * size));

    public static string FormatShape(int[] shape) => string.Join(",", shape.Select(s => s.ToString(CultureInfo.InvariantCulture)));

    private static Field Column<T>(string name, int[] shape)
        => new(name, new FixedSizeListType(new Field("item", ElementType<T>(), nullable: false), ElementCount(shape)), nullable: false);

    private static IArrowType ElementType<T>() => typeof(T) == typeof(float) ? FloatType.Default : DoubleType.Default;

    private static void CheckColumn<T>(Schema schema, int index, string name, int[] shape)
    {
        var field = index < schema.FieldsList.Count ? schema.FieldsList[index] : null;
        string expected = $"column {index} \"{name}\" as FixedSizeList<{DTypeName<T>()}>[{ElementCount(shape)}]";
        if (field is null || field.Name != name)
            throw new InvalidDataException($"expected {expected}, got {(field is null ? "no such column" : $"column \"{field.Name}\"")}");
        if (field.DataType is not FixedSizeListType list || list.ListSize != ElementCount(shape) || list.ValueDataType.TypeId != ElementType<T>().TypeId)
            throw new InvalidDataException($"expected {expected}, got {Describe(field.DataType)}");
    }

    private static string Describe(IArrowType type)
        => type is FixedSizeListType list ? string.Create(CultureInfo.InvariantCulture, $"FixedSizeList<{list.ValueDataType.Name}>[{list.ListSize}]") : type.Name;

    private static string Required(IReadOnlyDictionary<string, string> metadata, string key)
        => metadata.TryGetValue(key, out var value)
            ? value
            : throw new InvalidDataException($"expected schema metadata \"{key}\" of a BigDL share stream, got keys [{string.Join(", ", metadata.Keys)}]");

    private static int[] ParseShape(string text, string key)
    {
        if (text.Length == 0) return [];
        var parts = text.Split(',');
        var shape = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out shape[i]) || shape[i] < 1)
                throw new InvalidDataException($"expected {key} to be positive sizes separated by commas (\"\" for a scalar), got \"{text}\"");
        }
        return shape;
    }
}
