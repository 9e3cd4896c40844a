using System.Globalization;
using System.Text.Json.Nodes;
using BigDL.Interop;
using BigDL.Optim;

namespace BigDL.Distributed.Jobs;

/// <summary>
/// What one worker hands back for a validation stream: the result of every validation method of the job spec over its
/// shares, with the counts behind them so the driver merges them exactly. In our file format (kind "scores").
/// </summary>
/// <param name="Rank">The worker's rank.</param>
/// <param name="Results">One result per validation method, in the spec's order; null when the worker's shares held no record.</param>
internal sealed record ValidationScores(int Rank, ValidationResult[]? Results)
{
    private const string Kind = "scores";
    private const string Name = "validation scores";

    /// <summary>The bytes of these scores.</summary>
    /// <exception cref="NotSupportedException">A result cannot be described (a custom type not following the constructor-argument convention).</exception>
    public byte[] Encode()
    {
        var encoder = new ObjectEncoder<double>();
        var header = new JsonObject
        {
            ["kind"] = Kind,
            ["rank"] = Rank,
            ["results"] = encoder.Value(Results),
        };
        return FileFormat.ToBytes(header, encoder.Tensors);
    }

    /// <summary>Reads the scores of a job validating with <paramref name="methods"/> methods.</summary>
    /// <exception cref="InvalidDataException">The bytes are not validation scores, or hold another number of results.</exception>
    public static ValidationScores Decode(byte[] bytes, int methods)
    {
        var (header, tensors) = FileFormat.Read<double>(bytes, Name);
        if ((string?)header["kind"] != Kind) throw FileFormat.Corrupt(Name, 16, $"is a {(string?)header["kind"]} file, not a {Kind}");
        int rank = (int)header["rank"]!;
        if (header["results"] is not JsonArray saved) return new ValidationScores(rank, null);
        if (saved.Count != methods)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"{Name} of rank {rank}: expected {methods} results, one per validation method, got {saved.Count}"));
        var results = new ObjectDecoder<double>(tensors, Name).Objects<ValidationResult>(saved, string.Create(CultureInfo.InvariantCulture, $"validation result (rank {rank})"));
        return new ValidationScores(rank, results);
    }
}
