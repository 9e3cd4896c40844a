using System.Text.Json;
using System.Text.Json.Serialization;

namespace BigDL.Kernel.Protocol;

/// <summary>
/// The JSON conventions of the wire: snake_case names, nulls left out, headers' dates as ISO-8601 UTC, and records
/// whose constructor parameters without a default are required.
/// </summary>
internal static class JupyterJson
{
    /// <summary>The options every message part is read and written with.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new UtcDateConverter() },
    };
}
