using System.Globalization;
using BigDL.Interop;

namespace BigDL.Distributed.Jobs;

/// <summary>Tells the element type of a job spec's bytes from its header alone, so a worker knows which <see cref="JobSpec{T}"/> to read.</summary>
internal static class JobSpecElementType
{
    /// <summary>Whether the spec holds double (else float) values.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a file of our format or name another element type.</exception>
    public static bool IsDouble(byte[] bytes) => (string?)FileFormat.ReadHeader(bytes, "job spec")["elementType"] switch
    {
        "float64" => true,
        "float32" => false,
        var other => throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"job spec: element type '{other}' is neither float32 nor float64")),
    };
}
