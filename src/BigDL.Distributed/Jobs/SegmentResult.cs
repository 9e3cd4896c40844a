using System.Numerics;
using System.Text.Json.Nodes;
using BigDL.Interop;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Jobs;

/// <summary>
/// What one worker hands back at the end of a segment: the state of the optim method for the slice it owns (its shard)
/// and, from rank 0, the model with the trained weights. In our file format (kind "segment"), like a job spec.
/// </summary>
/// <param name="Rank">The worker's rank, which is the slice it owns.</param>
/// <param name="Iterations">Iterations the worker trained in the segment.</param>
/// <param name="Shard">The optim method of the worker's slice, whose state buffers hold one value per parameter of the slice.</param>
/// <param name="Model">The trained model (rank 0 only), else null.</param>
internal sealed record SegmentResult<T>(int Rank, int Iterations, OptimMethod<T> Shard, Module<T>? Model) where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string Kind = "segment";

    /// <summary>The bytes of this result.</summary>
    public byte[] Encode()
    {
        var encoder = new ObjectEncoder<T>();
        var header = new JsonObject
        {
            ["kind"] = Kind,
            ["rank"] = Rank,
            ["iterations"] = Iterations,
            ["shard"] = OptimMethodCodec.Encode(Shard, encoder),
        };
        if (Model is not null) header["model"] = encoder.Module(Model);
        return FileFormat.ToBytes(header, encoder.Tensors);
    }

    /// <summary>
    /// Reads a result; the trained weights of rank 0's model are restored into <paramref name="model"/> (the driver's
    /// model, of the architecture the segment trained), so <see cref="Model"/> is <paramref name="model"/> then.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a segment result, or its model does not fit <paramref name="model"/>.</exception>
    public static SegmentResult<T> Decode(byte[] bytes, Module<T> model)
    {
        const string Name = "segment result";
        var (header, tensors) = FileFormat.Read<T>(bytes, Name);
        if ((string?)header["kind"] != Kind) throw FileFormat.Corrupt(Name, 16, $"is a {(string?)header["kind"]} file, not a {Kind}");
        var decoder = new ObjectDecoder<T>(tensors, Name);
        var shard = OptimMethodCodec.Decode(header["shard"]?.AsObject() ?? throw FileFormat.Corrupt(Name, 16, "holds no optim method shard"), decoder, Name);
        Module<T>? trained = null;
        if (header["model"] is JsonObject saved)
        {
            decoder.RestoreInto(saved, model, "the worker trained", "the driver's model is");
            trained = model;
        }
        return new SegmentResult<T>((int)header["rank"]!, (int)header["iterations"]!, shard, trained);
    }
}
