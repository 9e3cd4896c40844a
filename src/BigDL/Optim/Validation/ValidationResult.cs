namespace BigDL.Optim;

/// <summary>
/// The outcome of a validation method on some records, with the counts behind it, so results from several batches
/// or workers merge exactly (<see cref="Merge"/> or <c>+</c>).
/// </summary>
/// <remarks>BigDL's <c>ValidationResult</c>.</remarks>
public abstract class ValidationResult
{
    /// <summary>The value (accuracy, mean loss, …) and how many records (or elements) it is over.</summary>
    public abstract (double Value, long Count) Result { get; }

    /// <summary>This result and <paramref name="other"/> as one result over both sets of records.</summary>
    /// <exception cref="ArgumentException"><paramref name="other"/> is a different kind of result.</exception>
    public abstract ValidationResult Merge(ValidationResult other);

    /// <summary>The merge of two results.</summary>
    public static ValidationResult operator +(ValidationResult a, ValidationResult b)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Merge(b);
    }

    /// <summary>The other result as <typeparamref name="TResult"/>, or an exception naming both kinds.</summary>
    protected TResult Same<TResult>(ValidationResult other) where TResult : ValidationResult
    {
        ArgumentNullException.ThrowIfNull(other);
        return other as TResult
            ?? throw new ArgumentException($"cannot merge {GetType().Name} with {other.GetType().Name}", nameof(other));
    }
}
