using System.Numerics;
using System.Text.Json.Nodes;
using BigDL.Interop;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Jobs;

/// <summary>
/// What a worker needs to start training, declared and never as code: the model (architecture and weights), the
/// criterion, the optim method with its whole state (each worker keeps the slice it owns), the
/// <see cref="SegmentSettings"/> and the validation methods it scores validation streams with (none: it is not asked
/// to). Its bytes are our model file format (kind "job"), so a job spec is a checkpoint with settings, and a checkpoint
/// file can start a job.
/// </summary>
internal sealed class JobSpec<T>(Module<T> model, Criterion<T> criterion, OptimMethod<T> method, SegmentSettings settings,
    ValidationMethod<T>[]? validation = null) where T : unmanaged, IFloatingPointIeee754<T>
{
    private const string Kind = "job";

    /// <summary>The model to train; its weights are the segment's starting point.</summary>
    public Module<T> Model => model;

    /// <summary>The training criterion.</summary>
    public Criterion<T> Criterion => criterion;

    /// <summary>The optim method with the state of every parameter.</summary>
    public OptimMethod<T> Method => method;

    /// <summary>How the segment trains.</summary>
    public SegmentSettings Settings => settings;

    /// <summary>The validation methods validation streams are scored with; null when the driver validates itself.</summary>
    public ValidationMethod<T>[]? Validation => validation;

    /// <summary>The bytes of this spec.</summary>
    /// <exception cref="NotSupportedException">The model, criterion, optim method or a validation method cannot be described (a custom type not following the constructor-argument convention).</exception>
    public byte[] Encode()
    {
        var encoder = new ObjectEncoder<T>();
        var header = new JsonObject
        {
            ["kind"] = Kind,
            ["model"] = encoder.Module(model),
            ["criterion"] = encoder.Object(criterion),
            ["optimMethod"] = OptimMethodCodec.Encode(method, encoder),
            ["settings"] = new JsonObject
            {
                ["coresPerRank"] = settings.CoresPerRank,
                ["compression"] = settings.Compression.ToString(),
                ["clipMin"] = ObjectEncoder<T>.Number(settings.Clipping.Min),
                ["clipMax"] = ObjectEncoder<T>.Number(settings.Clipping.Max),
                ["clipNorm"] = settings.Clipping.Norm is { } norm ? ObjectEncoder<T>.Number(norm) : null,
                ["iterationDeadlineSeconds"] = settings.IterationDeadline.TotalSeconds,
                ["peerSilenceSeconds"] = settings.PeerSilence.TotalSeconds,
                ["sharedMemory"] = settings.SharedMemory,
                ["dropSlow"] = settings.DropSlow is { } drop ? new JsonObject
                {
                    ["dropPercentage"] = drop.Policy.DropPercentage,
                    ["maxDropPercentage"] = drop.Policy.MaxDropPercentage,
                    ["windowIterations"] = drop.Policy.WindowIterations,
                    ["warmupIterations"] = drop.Policy.WarmupIterations,
                    ["thresholdSeconds"] = drop.ThresholdSeconds,
                    ["iterationsSeen"] = drop.IterationsSeen,
                } : null,
            },
            ["validation"] = encoder.Value(validation),
        };
        return FileFormat.ToBytes(header, encoder.Tensors);
    }

    /// <summary>Reads a spec from its bytes.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a job spec or describe types this build lacks; the message says what.</exception>
    public static JobSpec<T> Decode(byte[] bytes)
    {
        const string Name = "job spec";
        var (header, tensors) = FileFormat.Read<T>(bytes, Name);
        if ((string?)header["kind"] != Kind) throw FileFormat.Corrupt(Name, 16, $"is a {(string?)header["kind"]} file, not a {Kind}");
        var decoder = new ObjectDecoder<T>(tensors, Name);
        var model = decoder.Module(Required(header, "model"));
        var criterion = decoder.Object(Required(header, "criterion")) as Criterion<T>
            ?? throw new InvalidDataException($"{Name}: {(string?)header["criterion"]?["$type"]} is not a criterion of {typeof(T).Name}");
        var method = OptimMethodCodec.Decode(Required(header, "optimMethod"), decoder, Name);
        var s = Required(header, "settings");
        string compression = (string?)s["compression"] ?? "";
        if (!Enum.TryParse<WireCompression>(compression, out var wire) || !Enum.IsDefined(wire))
            throw new InvalidDataException($"{Name}: unknown wire compression '{compression}' (expected {string.Join(", ", Enum.GetNames<WireCompression>())})");
        double clipMin = ObjectDecoder<T>.Number(s["clipMin"]!), clipMax = ObjectDecoder<T>.Number(s["clipMax"]!);
        var clipping = s["clipNorm"] is { } clipNorm ? GradientClipping.L2Norm(ObjectDecoder<T>.Number(clipNorm))
            : double.IsNegativeInfinity(clipMin) && double.IsPositiveInfinity(clipMax) ? GradientClipping.None : GradientClipping.Constant(clipMin, clipMax);
        var drop = s["dropSlow"] is { } d ? new DropSlowStart(
            new DropSlowPolicy((double)d["dropPercentage"]!, (double)d["maxDropPercentage"]!, (int)d["windowIterations"]!, (int)d["warmupIterations"]!),
            (double?)d["thresholdSeconds"], (int)d["iterationsSeen"]!) : null;
        var settings = new SegmentSettings((int)s["coresPerRank"]!, wire, clipping,
            TimeSpan.FromSeconds((double)s["iterationDeadlineSeconds"]!), TimeSpan.FromSeconds((double)s["peerSilenceSeconds"]!), drop,
            (bool?)s["sharedMemory"] ?? false);
        var validation = header["validation"] is JsonArray methods ? decoder.Objects<ValidationMethod<T>>(methods, $"validation method of {typeof(T).Name}") : null;
        return new JobSpec<T>(model, criterion, method, settings, validation);
    }

    private static JsonObject Required(JsonObject header, string name) =>
        header[name]?.AsObject() ?? throw new InvalidDataException($"job spec: holds no {name}");
}
