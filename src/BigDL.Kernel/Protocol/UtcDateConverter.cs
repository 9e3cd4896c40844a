using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BigDL.Kernel.Protocol;

/// <summary>
/// Writes dates as ISO-8601 UTC with microseconds (<c>2026-01-02T03:04:05.123456Z</c>, what jupyter_client writes);
/// reads any ISO-8601 date, taking one without an offset as UTC.
/// </summary>
internal sealed class UtcDateConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <inheritdoc/>
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string text = reader.GetString() ?? throw new JsonException("A date must be a string, got null.");
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset date))
            throw new JsonException($"A date must be ISO-8601, got \"{text}\".");
        return date;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
