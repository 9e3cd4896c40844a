using System.Globalization;

namespace BigDL.Distributed.Transport;

/// <summary>The checks every <see cref="IRankTransport.SendAsync"/> makes of its arguments.</summary>
internal static class SendArguments
{
    /// <summary>Throws unless <paramref name="destination"/> is another rank of the job and <paramref name="header"/> names the sender as its source.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is not another rank of the job.</exception>
    /// <exception cref="ArgumentException"><paramref name="header"/>'s source is not <paramref name="rank"/>.</exception>
    public static void Require(int rank, int worldSize, int destination, FrameHeader header)
    {
        if ((uint)destination >= (uint)worldSize || destination == rank)
            throw new ArgumentOutOfRangeException(nameof(destination), destination, string.Create(CultureInfo.InvariantCulture, $"expected another rank in [0, {worldSize}) than this rank {rank}, got {destination}"));
        if (header.SourceRank != rank)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"expected the header's source rank to be this rank {rank}, got {header.SourceRank}"), nameof(header));
    }
}
