using System.Numerics;
using System.Text.Json.Nodes;
using BigDL.NN;

namespace BigDL.Interop;

/// <summary>
/// Saves and loads models — architecture and weights, any zoo or hand-built model — in BigDL for .NET's versioned file
/// format (see README, "Saving models"). A model saved in float loads in double and the other way round.
/// </summary>
/// <remarks>
/// BigDL's <c>saveModule</c> / <c>Module.loadModule</c>. The architecture is stored as each module's type and
/// constructor arguments, never as its fields, so a file stays readable when a class changes inside.
/// </remarks>
public static class ModelFile
{
    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (atomically: a crash never leaves half a file).</summary>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is false.</exception>
    /// <exception cref="NotSupportedException">A module cannot be described (a custom module not following the convention).</exception>
    public static void Save<T>(Module<T> model, string path, bool overwrite = false) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        var encoder = new ObjectEncoder<T>();
        var header = new JsonObject { ["kind"] = "module", ["model"] = encoder.Module(model) };
        FileFormat.Write(path, header, encoder.Tensors, overwrite);
    }

    /// <summary>Reads a model saved by <see cref="Save{T}"/> (or a checkpoint's model).</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is not a model, is corrupt, or names types this build lacks; the message says which and where.</exception>
    public static Module<T> Load<T>(string path) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var (header, tensors) = FileFormat.Read<T>(path);
        var model = header["model"]?.AsObject() ?? throw FileFormat.Corrupt(Path.GetFullPath(path), 16, "holds no model");
        return new ObjectDecoder<T>(tensors, Path.GetFullPath(path)).Module(model);
    }

    /// <summary>Saves this model (BigDL's <c>saveModule</c>).</summary>
    public static void SaveModule<T>(this Module<T> model, string path, bool overwrite = false) where T : unmanaged, IFloatingPointIeee754<T> =>
        Save(model, path, overwrite);
}
