using System.Text;
using BigDL.Kernel.Protocol;

namespace BigDL.Kernel.Tests.Protocol;

public sealed class MessageSignerTests
{
    private static readonly byte[][] Parts =
    [
        """{"msg_id":"1","msg_type":"execute_request"}"""u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(),
        Encoding.UTF8.GetBytes("""{"code":"Console.WriteLine(\"ünïcode 😀\");"}"""),
    ];

    [Fact]
    public void Sign_MatchesRfc4231TestCase2_WhateverTheSplitIntoParts()
    {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?".
        const string expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";
        var signer = new MessageSigner("Jefe");

        Assert.Equal(expected, signer.Sign(["what do ya want for nothing?"u8.ToArray()]));
        Assert.Equal(expected, signer.Sign(["what do ya "u8.ToArray(), "want for "u8.ToArray(), "nothing?"u8.ToArray()]));
    }

    [Fact]
    public void Sign_MatchesPythonsHmacModule_OverTheFourParts()
    {
        const string key = "clé-7c2e 🔑";
        string parts = string.Join(' ', Parts.Select(Convert.ToBase64String));
        string python = DebianPython.Run(["-c",
            "import base64, hashlib, hmac, sys\n" +
            "h = hmac.new(sys.argv[1].encode('utf-8'), digestmod=hashlib.sha256)\n" +
            "for p in sys.stdin.read().split(): h.update(base64.b64decode(p))\n" +
            "print(h.hexdigest())", key], input: parts).Trim();

        Assert.Equal(python, new MessageSigner(key).Sign(Parts));
    }

    [Fact]
    public void Verify_AcceptsItsOwnSignature_AndRefusesAnyChange()
    {
        var signer = new MessageSigner("secret");
        string signature = signer.Sign(Parts);
        byte[][] tampered = Parts.Select(p => p.ToArray()).ToArray();
        tampered[3][5] ^= 1;
        char flipped = signature[0] == '0' ? '1' : '0';

        Assert.True(signer.Verify(signature, Parts));
        Assert.False(signer.Verify(signature, tampered));
        Assert.False(signer.Verify(flipped + signature[1..], Parts));
        Assert.False(signer.Verify(signature[..^2], Parts));
        Assert.False(signer.Verify(new string('z', signature.Length), Parts));
        Assert.False(new MessageSigner("other").Verify(signature, Parts));
    }

    [Fact]
    public void Sign_IsLowerCaseHexOf32Bytes()
    {
        string signature = new MessageSigner("k").Sign(Parts);

        Assert.Matches("^[0-9a-f]{64}$", signature);
    }

    [Fact]
    public void EmptyKey_SignsWithNothing_AndAcceptsEverything()
    {
        var signer = new MessageSigner("");

        Assert.False(signer.IsSigning);
        Assert.Equal("", signer.Sign(Parts));
        Assert.True(signer.Verify("anything", Parts));
    }
}
