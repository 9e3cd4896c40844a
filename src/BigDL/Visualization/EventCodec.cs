namespace BigDL.Visualization;

/// <summary>
/// Encodes and decodes <see cref="TensorFlowEvent"/> as the protocol buffers of TensorFlow's <c>event.proto</c> and
/// <c>summary.proto</c> (the <c>org.tensorflow.util.Event</c> BigDL builds with protobuf-java):
/// <code>
/// Event   { double wall_time = 1; int64 step = 2; oneof what { string file_version = 3; Summary summary = 5; } }
/// Summary { repeated Value value = 1; }
/// Value   { string tag = 1; oneof value { float simple_value = 2; } }
/// </code>
/// </summary>
/// <remarks>
/// As protobuf's own proto3 serialisers, plain fields at their default (a zero wall time or step, an empty tag) are
/// left out, while a member of a <c>oneof</c> is always written: a <c>simple_value</c> of 0 must still be present,
/// or TensorBoard would see a value of no kind. Fields are written in field-number order.
/// </remarks>
internal static class EventCodec
{
    private const int EventWallTime = 1;
    private const int EventStep = 2;
    private const int EventFileVersion = 3;
    private const int EventSummary = 5;
    private const int SummaryValueField = 1;
    private const int ValueTag = 1;
    private const int ValueSimpleValue = 2;

    /// <summary>The event's protobuf encoding.</summary>
    public static byte[] Encode(TensorFlowEvent e)
    {
        var w = new ProtobufWriter();
        if (BitConverter.DoubleToInt64Bits(e.WallTime) != 0) w.WriteDouble(EventWallTime, e.WallTime);
        if (e.Step != 0) w.WriteInt64(EventStep, e.Step);
        if (e.FileVersion is not null) w.WriteString(EventFileVersion, e.FileVersion);
        if (e.Summary is not null) w.WriteBytes(EventSummary, EncodeSummary(e.Summary));
        return w.ToArray();
    }

    /// <summary>Decodes an event, skipping fields it does not know (graphs, log messages, other value kinds).</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed protobuf message.</exception>
    public static TensorFlowEvent Decode(ReadOnlySpan<byte> data)
    {
        var r = new ProtobufReader(data);
        double wallTime = 0;
        long step = 0;
        string? fileVersion = null;
        List<SummaryValue>? summary = null;
        while (r.TryReadTag(out int field, out int wire))
        {
            switch (field, wire)
            {
                case (EventWallTime, ProtobufReader.WireFixed64): wallTime = r.ReadDouble(); break;
                case (EventStep, ProtobufReader.WireVarint): step = (long)r.ReadVarint(); break;
                case (EventFileVersion, ProtobufReader.WireLengthDelimited): fileVersion = r.ReadString(); break;
                case (EventSummary, ProtobufReader.WireLengthDelimited):
                    // A message field that occurs twice merges into the first, so the values add up (protobuf's rule).
                    summary ??= [];
                    DecodeSummary(r.ReadMessage(), summary);
                    break;
                default: r.Skip(wire); break;
            }
        }
        return new TensorFlowEvent(wallTime, step, fileVersion, summary);
    }

    private static byte[] EncodeSummary(IReadOnlyList<SummaryValue> values)
    {
        var w = new ProtobufWriter();
        foreach (var v in values)
        {
            var value = new ProtobufWriter();
            if (v.Tag.Length > 0) value.WriteString(ValueTag, v.Tag);
            if (v.SimpleValue is float simple) value.WriteFloat(ValueSimpleValue, simple);
            w.WriteBytes(SummaryValueField, value.ToArray());
        }
        return w.ToArray();
    }

    private static void DecodeSummary(ProtobufReader r, List<SummaryValue> values)
    {
        while (r.TryReadTag(out int field, out int wire))
        {
            if (field == SummaryValueField && wire == ProtobufReader.WireLengthDelimited)
                values.Add(DecodeValue(r.ReadMessage()));
            else
                r.Skip(wire);
        }
    }

    private static SummaryValue DecodeValue(ProtobufReader r)
    {
        string tag = "";
        float? simple = null;
        while (r.TryReadTag(out int field, out int wire))
        {
            switch (field, wire)
            {
                case (ValueTag, ProtobufReader.WireLengthDelimited): tag = r.ReadString(); break;
                case (ValueSimpleValue, ProtobufReader.WireFixed32): simple = r.ReadFloat(); break;
                default: r.Skip(wire); break;
            }
        }
        return new SummaryValue(tag, simple);
    }
}
