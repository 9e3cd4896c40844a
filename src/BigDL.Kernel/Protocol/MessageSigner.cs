using System.Security.Cryptography;
using System.Text;

namespace BigDL.Kernel.Protocol;

/// <summary>
/// Signs and checks messages with HMAC-SHA256 over the header, parent header, metadata and content frames, as
/// lower-case hex. An empty key turns signing off: the signature is empty and every message is accepted.
/// </summary>
internal sealed class MessageSigner
{
    private readonly byte[] key;

    /// <summary>A signer with the connection file's key (UTF-8 bytes of the string, as jupyter_client uses it).</summary>
    public MessageSigner(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        this.key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>Whether messages are signed and checked.</summary>
    public bool IsSigning => key.Length > 0;

    /// <summary>The hex signature of the four JSON frames, in order; empty when not signing.</summary>
    public string Sign(IReadOnlyList<byte[]> parts) =>
        IsSigning ? Convert.ToHexStringLower(Mac(parts)) : "";

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="parts"/> (constant-time compare).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (!IsSigning)
            return true;
        byte[] expected = Mac(parts);
        if (signature.Length != expected.Length * 2)
            return false;
        byte[] actual;
        try
        {
            actual = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private byte[] Mac(IReadOnlyList<byte[]> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (byte[] part in parts)
            hmac.AppendData(part);
        return hmac.GetHashAndReset();
    }
}
