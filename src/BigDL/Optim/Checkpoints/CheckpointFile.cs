using System.Numerics;
using System.Text.Json.Nodes;
using BigDL.Interop;
using BigDL.NN;

namespace BigDL.Optim;

/// <summary>
/// A training checkpoint — the model, the optim method with its whole state (epoch, iteration, buffers, schedule) and
/// the position in the epoch — in one file of the model format (kind "checkpoint"), written atomically.
/// </summary>
/// <remarks>BigDL wrote <c>model.N</c> and <c>optimMethod.N</c> files; here they are one file, so they can never disagree.</remarks>
public static class CheckpointFile
{
    /// <summary>The name of the checkpoint after <paramref name="iteration"/> iterations (or the one overwritten each time).</summary>
    public static string Name(int iteration, bool overwrite) => overwrite ? "checkpoint.bigdl" : $"checkpoint.{iteration}.bigdl";

    /// <summary>Writes a checkpoint (atomically, replacing an existing file).</summary>
    public static void Write<T>(string path, Module<T> model, OptimMethod<T> method, TrainingProgress progress) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var encoder = new ObjectEncoder<T>();
        var header = new JsonObject
        {
            ["kind"] = "checkpoint",
            ["model"] = encoder.Module(model),
            ["optimMethod"] = OptimMethodCodec.Encode(method, encoder),
            ["progress"] = new JsonObject { ["recordsInEpoch"] = progress.RecordsInEpoch },
        };
        FileFormat.Write(path, header, encoder.Tensors, overwrite: true);
    }

    /// <summary>
    /// Reads a checkpoint into <paramref name="model"/> (which must have the architecture that was saved), and returns
    /// the optim method with its state and the position in the epoch.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or its model does not fit <paramref name="model"/>.</exception>
    public static (OptimMethod<T> Method, TrainingProgress Progress) ReadInto<T>(string path, Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        string file = Path.GetFullPath(path);
        var (header, tensors) = FileFormat.Read<T>(file);
        if ((string?)header["kind"] != "checkpoint") throw FileFormat.Corrupt(file, 16, $"is a {(string?)header["kind"]} file, not a checkpoint");
        var decoder = new ObjectDecoder<T>(tensors, file);
        decoder.RestoreInto(header["model"]!.AsObject(), model, "the checkpoint's model is", "training was given");
        var method = OptimMethodCodec.Decode(header["optimMethod"]!.AsObject(), decoder, file);
        return (method, new TrainingProgress((long)header["progress"]!["recordsInEpoch"]!));
    }

    /// <summary>The newest checkpoint in <paramref name="folder"/> (by iteration, then time), or null when there is none.</summary>
    public static string? Latest(string folder)
    {
        if (!Directory.Exists(folder)) return null;
        return Directory.GetFiles(folder, "checkpoint*.bigdl")
            .OrderBy(f => IterationOf(f)).ThenBy(File.GetLastWriteTimeUtc)
            .LastOrDefault();
    }

    private static int IterationOf(string file)
    {
        var parts = Path.GetFileName(file).Split('.');
        return parts.Length == 3 && int.TryParse(parts[1], out int n) ? n : int.MaxValue;
    }
}
