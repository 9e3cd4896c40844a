using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BigDL.Distributed.Transport.Tcp;

/// <summary>
/// The handshake that opens every link of the mesh, before any frame; the higher rank dials, the lower rank accepts.
/// Each side first sends a preamble: the magic <c>BDLMESH\0</c> and the protocol version (u16). Then records follow,
/// each a kind (u8), a body length (u16) and the body; integers are little-endian:
/// <list type="number">
/// <item>the dialer sends Hello: generation, rank, world size (i32 each), a fresh 32-byte nonce, the job id (UTF-8);</item>
/// <item>the acceptor checks it and answers with its own Hello (its own fresh nonce);</item>
/// <item>the dialer checks that and sends Proof: HMAC-SHA256 with the job's token as key over the label
/// <c>BDLMESH dialer</c>, the dialer's Hello body and the acceptor's Hello body;</item>
/// <item>the acceptor verifies it and sends its Proof, the same with the label <c>BDLMESH acceptor</c>;</item>
/// <item>the dialer verifies that and sends Welcome (empty).</item>
/// </list>
/// Each proof covers the nonce the other side chose, so a recorded handshake cannot be replayed, and the labels keep
/// one side's proof from being reflected as the other's. Instead of any record, a side that refuses sends Refusal (a
/// <see cref="MeshRefusal"/> byte and a UTF-8 explanation) and closes the connection.
/// </summary>
internal static class MeshHandshake
{
    /// <summary>The version of the mesh protocol (handshake and frames) this build speaks.</summary>
    public const ushort Version = 2;

    private const int PreambleSize = 10;
    private const int RecordHeaderSize = 3;
    private const int NonceSize = 32;
    private const int HelloFixedSize = 12 + NonceSize;
    private const int MaxJobIdBytes = 256;
    private const int MaxRefusalBytes = 1024;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Magic => "BDLMESH\0"u8;

    private static ReadOnlySpan<byte> DialerLabel => "BDLMESH dialer"u8;

    private static ReadOnlySpan<byte> AcceptorLabel => "BDLMESH acceptor"u8;

    private enum RecordKind : byte
    {
        Hello = 1,
        Proof = 2,
        Welcome = 3,
        Refusal = 4,
    }

    private readonly record struct Hello(int Generation, int Rank, int WorldSize, string JobId);

    /// <summary>Whether <paramref name="jobId"/> fits a Hello record: 1 to 256 bytes of UTF-8.</summary>
    public static bool IsValidJobId(string jobId) => jobId.Length > 0 && Encoding.UTF8.GetByteCount(jobId) <= MaxJobIdBytes;

    /// <summary>Runs the dialer's side on <paramref name="stream"/>, which should lead to <paramref name="expectedRank"/> (described by <paramref name="peer"/>).</summary>
    /// <exception cref="MeshHandshakeException">Either side refused the other.</exception>
    public static async Task DialAsync(Stream stream, MeshIdentity self, int expectedRank, string peer, CancellationToken cancellation)
    {
        var side = new Side(stream, self, peer);
        byte[] ownHello = EncodeHello(self);
        await side.WriteAsync(Preamble(), Record(RecordKind.Hello, ownHello), cancellation).ConfigureAwait(false);
        await side.ReadPreambleAsync(cancellation).ConfigureAwait(false);
        byte[] peerHello = await side.ReadRecordAsync(RecordKind.Hello, cancellation).ConfigureAwait(false);
        await side.CheckHelloAsync(peerHello, rank => rank == expectedRank ? null : Say($"expected rank {expectedRank} at this address, got rank {rank}"), cancellation).ConfigureAwait(false);
        await side.WriteAsync(Record(RecordKind.Proof, Mac(self.Token.Span, DialerLabel, ownHello, peerHello)), cancellation).ConfigureAwait(false);
        await side.VerifyProofAsync(Mac(self.Token.Span, AcceptorLabel, ownHello, peerHello), cancellation).ConfigureAwait(false);
        await side.WriteAsync(Record(RecordKind.Welcome, []), cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs the acceptor's side on <paramref name="stream"/> (described by <paramref name="peer"/>) and returns the
    /// dialer's authenticated rank; <paramref name="refuseRank"/> says why a rank is refused on this side, or null.
    /// </summary>
    /// <exception cref="MeshHandshakeException">Either side refused the other.</exception>
    public static async Task<int> AcceptAsync(Stream stream, MeshIdentity self, Func<int, string?> refuseRank, string peer, CancellationToken cancellation)
    {
        var side = new Side(stream, self, peer);
        await side.WriteAsync(Preamble(), cancellation).ConfigureAwait(false);
        await side.ReadPreambleAsync(cancellation).ConfigureAwait(false);
        byte[] peerHello = await side.ReadRecordAsync(RecordKind.Hello, cancellation).ConfigureAwait(false);
        int rank = await side.CheckHelloAsync(peerHello, refuseRank, cancellation).ConfigureAwait(false);
        byte[] ownHello = EncodeHello(self);
        await side.WriteAsync(Record(RecordKind.Hello, ownHello), cancellation).ConfigureAwait(false);
        await side.VerifyProofAsync(Mac(self.Token.Span, DialerLabel, peerHello, ownHello), cancellation).ConfigureAwait(false);
        await side.WriteAsync(Record(RecordKind.Proof, Mac(self.Token.Span, AcceptorLabel, peerHello, ownHello)), cancellation).ConfigureAwait(false);
        await side.ReadRecordAsync(RecordKind.Welcome, cancellation).ConfigureAwait(false);
        return rank;
    }

    private static byte[] Preamble()
    {
        var bytes = new byte[PreambleSize];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(Magic.Length), Version);
        return bytes;
    }

    private static byte[] Record(RecordKind kind, ReadOnlySpan<byte> body)
    {
        var bytes = new byte[RecordHeaderSize + body.Length];
        bytes[0] = (byte)kind;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(1), checked((ushort)body.Length));
        body.CopyTo(bytes.AsSpan(RecordHeaderSize));
        return bytes;
    }

    private static byte[] EncodeHello(MeshIdentity self)
    {
        var bytes = new byte[HelloFixedSize + Encoding.UTF8.GetByteCount(self.JobId)];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, self.Generation);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), self.Rank);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(8), self.WorldSize);
        RandomNumberGenerator.Fill(bytes.AsSpan(12, NonceSize));
        Encoding.UTF8.GetBytes(self.JobId, bytes.AsSpan(HelloFixedSize));
        return bytes;
    }

    private static byte[] Mac(ReadOnlySpan<byte> token, ReadOnlySpan<byte> label, ReadOnlySpan<byte> dialerHello, ReadOnlySpan<byte> acceptorHello)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, token);
        hmac.AppendData(label);
        hmac.AppendData(dialerHello);
        hmac.AppendData(acceptorHello);
        return hmac.GetHashAndReset();
    }

    private static string Say(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);

    /// <summary>One side of a handshake in progress: its stream, who it is and how to name the other side.</summary>
    private sealed class Side(Stream stream, MeshIdentity self, string peer)
    {
        public async Task WriteAsync(byte[] first, CancellationToken cancellation) => await Guard(stream.WriteAsync(first, cancellation)).ConfigureAwait(false);

        public async Task WriteAsync(byte[] first, byte[] second, CancellationToken cancellation)
            => await WriteAsync([.. first, .. second], cancellation).ConfigureAwait(false);

        public async Task ReadPreambleAsync(CancellationToken cancellation)
        {
            var preamble = new byte[PreambleSize];
            await Guard(stream.ReadExactlyAsync(preamble, cancellation)).ConfigureAwait(false);
            if (!preamble.AsSpan(0, Magic.Length).SequenceEqual(Magic))
                throw Refused(MeshRefusal.Protocol, Say($"not the mesh protocol: expected the magic {Convert.ToHexString(Magic)}, got {Convert.ToHexString(preamble, 0, Magic.Length)}"));
            ushort version = BinaryPrimitives.ReadUInt16LittleEndian(preamble.AsSpan(Magic.Length));
            if (version != Version)
                throw Refused(MeshRefusal.Version, Say($"expected protocol version {Version}, got version {version}"));
        }

        /// <summary>The body of the next record, which must be of <paramref name="expected"/> kind; a Refusal ends the handshake with the other side's reason.</summary>
        public async Task<byte[]> ReadRecordAsync(RecordKind expected, CancellationToken cancellation)
        {
            var header = new byte[RecordHeaderSize];
            await Guard(stream.ReadExactlyAsync(header, cancellation)).ConfigureAwait(false);
            var body = new byte[BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(1))];
            await Guard(stream.ReadExactlyAsync(body, cancellation)).ConfigureAwait(false);
            var kind = (RecordKind)header[0];
            if (kind == RecordKind.Refusal) throw RefusedByPeer(body);
            if (kind != expected) throw await RefuseAsync(MeshRefusal.Protocol, Say($"expected a {expected} record, got record kind {header[0]}"), cancellation).ConfigureAwait(false);
            return body;
        }

        /// <summary>Checks the other side's Hello against this side's identity and returns its rank, or refuses it.</summary>
        public async Task<int> CheckHelloAsync(byte[] body, Func<int, string?> refuseRank, CancellationToken cancellation)
        {
            if (body.Length <= HelloFixedSize || body.Length > HelloFixedSize + MaxJobIdBytes)
                throw await RefuseAsync(MeshRefusal.Protocol, Say($"expected a Hello record of {HelloFixedSize + 1} to {HelloFixedSize + MaxJobIdBytes} bytes, got {body.Length} bytes"), cancellation).ConfigureAwait(false);
            string jobId;
            try
            {
                jobId = StrictUtf8.GetString(body, HelloFixedSize, body.Length - HelloFixedSize);
            }
            catch (DecoderFallbackException)
            {
                throw await RefuseAsync(MeshRefusal.Protocol, "expected a job id of UTF-8, got invalid bytes", cancellation).ConfigureAwait(false);
            }
            var hello = new Hello(BinaryPrimitives.ReadInt32LittleEndian(body), BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(4)),
                BinaryPrimitives.ReadInt32LittleEndian(body.AsSpan(8)), jobId);
            var (reason, text) = Mismatch(hello, refuseRank);
            if (text is not null) throw await RefuseAsync(reason, text, cancellation).ConfigureAwait(false);
            return hello.Rank;
        }

        public async Task VerifyProofAsync(byte[] expected, CancellationToken cancellation)
        {
            byte[] proof = await ReadRecordAsync(RecordKind.Proof, cancellation).ConfigureAwait(false);
            if (!CryptographicOperations.FixedTimeEquals(proof, expected))
                throw await RefuseAsync(MeshRefusal.Token, "expected a proof (HMAC-SHA256) of this job's token, got a proof of another token", cancellation).ConfigureAwait(false);
        }

        private (MeshRefusal Reason, string? Text) Mismatch(Hello hello, Func<int, string?> refuseRank)
        {
            if (hello.JobId != self.JobId) return (MeshRefusal.JobId, Say($"expected job id '{self.JobId}', got '{hello.JobId}'"));
            if (hello.Generation != self.Generation)
            {
                string age = hello.Generation < self.Generation ? "an old" : "a newer";
                return (MeshRefusal.Generation, Say($"a peer from {age} generation: expected generation {self.Generation}, got {hello.Generation}"));
            }
            if (hello.WorldSize != self.WorldSize) return (MeshRefusal.WorldSize, Say($"expected world size {self.WorldSize}, got {hello.WorldSize}"));
            return (MeshRefusal.Rank, refuseRank(hello.Rank));
        }

        /// <summary>Tells the other side why it is refused (if it still listens) and returns the exception that ends this side's handshake.</summary>
        private async Task<MeshHandshakeException> RefuseAsync(MeshRefusal reason, string text, CancellationToken cancellation)
        {
            byte[] explanation = Encoding.UTF8.GetBytes(text);
            var body = new byte[1 + Math.Min(explanation.Length, MaxRefusalBytes)];
            body[0] = (byte)reason;
            explanation.AsSpan(0, body.Length - 1).CopyTo(body.AsSpan(1));
            try
            {
                await stream.WriteAsync(Record(RecordKind.Refusal, body), cancellation).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The other side is gone already; the refusal stands without its hearing of it.
            }
            return Refused(reason, text);
        }

        private MeshHandshakeException Refused(MeshRefusal reason, string text)
            => new(reason, Say($"rank {self.Rank} (job '{self.JobId}', generation {self.Generation}) refused the mesh handshake of {peer}: {text}"));

        private MeshHandshakeException RefusedByPeer(byte[] body)
        {
            if (body.Length == 0 || !Enum.IsDefined((MeshRefusal)body[0]))
                return Refused(MeshRefusal.Protocol, Say($"expected a Refusal record with a known reason, got {body.Length} bytes{(body.Length > 0 ? Say($" with reason {body[0]}") : "")}"));
            string text = Encoding.UTF8.GetString(body, 1, body.Length - 1);
            return new((MeshRefusal)body[0], Say($"rank {self.Rank} (job '{self.JobId}', generation {self.Generation}): {peer} refused the mesh handshake: {text}"), refusedByPeer: true);
        }

        private async Task Guard(Task operation)
        {
            try
            {
                await operation.ConfigureAwait(false);
            }
            catch (EndOfStreamException e)
            {
                throw new MeshHandshakeException(MeshRefusal.Closed, Say($"rank {self.Rank} (job '{self.JobId}', generation {self.Generation}): {peer} closed the connection during the mesh handshake"), inner: e);
            }
            catch (IOException e) when (e is not MeshHandshakeException)
            {
                throw new MeshHandshakeException(MeshRefusal.Closed, Say($"rank {self.Rank} (job '{self.JobId}', generation {self.Generation}): the connection with {peer} failed during the mesh handshake: {e.Message}"), inner: e);
            }
        }

        private Task Guard(ValueTask operation) => Guard(operation.AsTask());
    }
}
