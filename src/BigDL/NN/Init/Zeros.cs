namespace BigDL.NN;

/// <summary>Fills with 0 (BigDL's <c>Zeros</c>).</summary>
public sealed class Zeros() : ConstInitMethod(0)
{
    /// <inheritdoc/>
    public override string ToString() => "Zeros";
}
