using System.Numerics;
using System.Text.Json.Nodes;
using BigDL.Interop;

namespace BigDL.Optim;

/// <summary>Describes an optimisation method for a file — type, hyper-parameters, whole state — and rebuilds it.</summary>
internal static class OptimMethodCodec
{
    public static JsonObject Encode<T>(OptimMethod<T> method, ObjectEncoder<T> encoder) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var node = encoder.Object(method);
        var state = method.State;
        node["state"] = new JsonObject
        {
            ["epoch"] = state.Epoch,
            ["iteration"] = state.Iteration,
            ["score"] = state.Score is { } score ? ObjectEncoder<T>.Number(score) : null,
            ["loss"] = state.Loss is { } loss ? ObjectEncoder<T>.Number(loss) : null,
            ["tensors"] = new JsonObject([.. state.Tensors.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)encoder.Tensor(t.Value)))]),
            ["scalars"] = new JsonObject([.. state.Scalars.OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => KeyValuePair.Create(t.Key, (JsonNode?)ObjectEncoder<T>.Number(t.Value)))]),
        };
        return node;
    }

    public static OptimMethod<T> Decode<T>(JsonObject node, ObjectDecoder<T> decoder, string file) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var method = decoder.Object(node) as OptimMethod<T>
            ?? throw new InvalidDataException($"{file}: {(string?)node["$type"]} is not an optimisation method of {typeof(T).Name}");
        var saved = node["state"]?.AsObject() ?? throw new InvalidDataException($"{file}: the optimisation method has no state");
        var state = new OptimState<T>
        {
            Epoch = (int)saved["epoch"]!,
            Iteration = (int)saved["iteration"]!,
            Score = saved["score"] is { } score ? ObjectDecoder<T>.Number(score) : null,
            Loss = saved["loss"] is { } loss ? ObjectDecoder<T>.Number(loss) : null,
        };
        foreach (var (key, value) in saved["tensors"]?.AsObject() ?? []) state.Tensors[key] = decoder.Tensor((int)value!);
        foreach (var (key, value) in saved["scalars"]?.AsObject() ?? []) state.Scalars[key] = ObjectDecoder<T>.Number(value!);
        method.State.CopyFrom(state);
        return method;
    }
}
