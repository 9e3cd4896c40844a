using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Protocol;

public sealed class WireCodecTests
{
    private const string Key = "5b5b0b4e-b1a8-4a7e-a2b1-0f6f8b3c2d11";

    private static readonly WireCodec Codec = new(new MessageSigner(Key));

    private static JupyterMessage Sample(MessageHeader? parent = null) => new(
        [[1, 2, 3], "client-7"u8.ToArray()],
        new MessageHeader("m-1", "s-1", "tester", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero).AddTicks(9), "execute_request", "5.3"),
        parent,
        new JsonObject { ["tag"] = "x" },
        new JsonObject { ["code"] = "print 😀", ["silent"] = false },
        [[0, 255, 7], []]);

    [Fact]
    public void Encode_LaysOutIdentitiesDelimiterSignaturePartsAndBuffers()
    {
        List<byte[]> frames = Codec.Encode(Sample());

        Assert.Equal(2 + 6 + 2, frames.Count);
        Assert.Equal(new byte[] { 1, 2, 3 }, frames[0]);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[2]));
        Assert.Equal(new MessageSigner(Key).Sign(frames[4..8]), Encoding.ASCII.GetString(frames[3]));
        Assert.Equal("{}", Encoding.UTF8.GetString(frames[5]));
        Assert.Equal(new byte[] { 0, 255, 7 }, frames[8]);
        Assert.Empty(frames[9]);
    }

    [Fact]
    public void Header_IsSnakeCaseWithAnIsoUtcDate()
    {
        JsonNode header = JsonNode.Parse(Codec.Encode(Sample())[4])!;

        Assert.Equal(
            """{"msg_id":"m-1","session":"s-1","username":"tester","date":"2026-01-02T03:04:05.678000Z","msg_type":"execute_request","version":"5.3"}""",
            header.ToJsonString());
    }

    [Fact]
    public void DecodeOfEncode_RoundTripsEveryPart()
    {
        JupyterMessage original = Sample(parent: Sample().Header with { MsgId = "parent-9", MsgType = "kernel_info_request" });

        JupyterMessage decoded = Codec.Decode(Codec.Encode(original));

        Assert.Equal(original.Identities, decoded.Identities);
        Assert.Equal(original.Header with { Date = Truncated(original.Header.Date) }, decoded.Header);
        Assert.Equal("parent-9", decoded.ParentHeader?.MsgId);
        Assert.Equal(original.Metadata.ToJsonString(), decoded.Metadata.ToJsonString());
        Assert.Equal(original.Content.ToJsonString(), decoded.Content.ToJsonString());
        Assert.Equal(original.Buffers, decoded.Buffers);
    }

    [Fact]
    public void Decode_EmptyParentHeader_IsNoParent()
    {
        Assert.Null(Codec.Decode(Codec.Encode(Sample())).ParentHeader);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void Decode_AChangedJsonFrame_IsRefusedForItsSignature(int frame)
    {
        List<byte[]> frames = Codec.Encode(Sample());
        frames[frame] = Encoding.UTF8.GetBytes("""{"changed": true}""");

        var error = Assert.Throws<InvalidMessageException>(() => Codec.Decode(frames));

        Assert.Contains("signature", error.Message);
    }

    [Fact]
    public void Decode_WithoutDelimiter_OrWithTooFewFrames_IsRefused()
    {
        List<byte[]> frames = Codec.Encode(Sample());

        Assert.Contains("delimiter", Assert.Throws<InvalidMessageException>(() => Codec.Decode(frames.Where((_, i) => i != 2).ToList())).Message);
        Assert.Contains("at least 5 frames", Assert.Throws<InvalidMessageException>(() => Codec.Decode(frames[..6])).Message);
    }

    [Fact]
    public void Decode_HeaderMissingAField_IsRefusedNamingTheFrame()
    {
        var unsigned = new WireCodec(new MessageSigner(""));
        List<byte[]> frames = unsigned.Encode(Sample());
        frames[4] = """{"msg_id":"m","session":"s","username":"u","date":"2026-01-01T00:00:00Z","version":"5.3"}"""u8.ToArray();

        var error = Assert.Throws<InvalidMessageException>(() => unsigned.Decode(frames));

        Assert.Contains("header", error.Message);
        Assert.Contains("msg_type", error.Message);
    }

    [Fact]
    public void Decode_AMessageSerialisedByJupyterClientsSession_VerifiesAndReadsIt()
    {
        string json = DebianPython.Run(["-c",
            "import base64, json, sys\n" +
            "from jupyter_client.session import Session\n" +
            "s = Session(key=sys.argv[1].encode(), signature_scheme='hmac-sha256', username='py')\n" +
            "parent = s.msg('kernel_info_request')\n" +
            "m = s.msg('execute_request', content={'code': 'x = \"😀\"', 'silent': False}, parent=parent)\n" +
            "frames = s.serialize(m, ident=[b'route']) + [b'\\x00\\x01']  # send() appends buffers after serialize()\n" +
            "print(json.dumps({'frames': [base64.b64encode(f).decode() for f in frames],\n" +
            "                  'msg_id': m['header']['msg_id'], 'parent_id': parent['header']['msg_id']}))",
            Key]);
        JsonNode expected = JsonNode.Parse(json)!;
        List<byte[]> frames = expected["frames"]!.AsArray().Select(f => Convert.FromBase64String((string)f!)).ToList();

        JupyterMessage message = Codec.Decode(frames);

        Assert.Equal("route"u8.ToArray(), Assert.Single(message.Identities));
        Assert.Equal((string?)expected["msg_id"], message.Header.MsgId);
        Assert.Equal((string?)expected["parent_id"], message.ParentHeader?.MsgId);
        Assert.Equal("x = \"😀\"", (string?)message.Content["code"]);
        Assert.Equal(new byte[] { 0, 1 }, Assert.Single(message.Buffers));
    }

    [Fact]
    public void Encode_IsAcceptedByJupyterClientsSession()
    {
        List<byte[]> frames = Codec.Encode(Sample(parent: Sample().Header with { MsgId = "parent-9" }));
        string input = JsonSerializer.Serialize(frames.Select(Convert.ToBase64String));

        string json = DebianPython.Run(["-c",
            "import base64, json, sys\n" +
            "from jupyter_client.session import Session\n" +
            "s = Session(key=sys.argv[1].encode(), signature_scheme='hmac-sha256')\n" +
            "frames = [base64.b64decode(f) for f in json.load(sys.stdin)]\n" +
            "idents, rest = s.feed_identities(frames)\n" +
            "m = s.deserialize(rest)\n" +
            "print(json.dumps({'idents': len(idents), 'type': m['header']['msg_type'], 'date': m['header']['date'].isoformat(),\n" +
            "                  'parent': m['parent_header']['msg_id'], 'code': m['content']['code'], 'buffers': len(m['buffers'])}))",
            Key], input);
        JsonNode seen = JsonNode.Parse(json)!;

        Assert.Equal(2, (int?)seen["idents"]);
        Assert.Equal("execute_request", (string?)seen["type"]);
        Assert.Equal("2026-01-02T03:04:05.678000+00:00", (string?)seen["date"]);
        Assert.Equal("parent-9", (string?)seen["parent"]);
        Assert.Equal("print 😀", (string?)seen["code"]);
        Assert.Equal(2, (int?)seen["buffers"]);
    }

    private static DateTimeOffset Truncated(DateTimeOffset date) => new(date.Ticks - date.Ticks % 10, TimeSpan.Zero);
}
