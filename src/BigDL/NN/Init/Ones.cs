namespace BigDL.NN;

/// <summary>Fills with 1 (BigDL's <c>Ones</c>).</summary>
public sealed class Ones() : ConstInitMethod(1)
{
    /// <inheritdoc/>
    public override string ToString() => "Ones";
}
