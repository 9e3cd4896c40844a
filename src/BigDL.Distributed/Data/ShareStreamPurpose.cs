using System.Globalization;

namespace BigDL.Distributed.Data;

/// <summary>
/// What a share stream is for, carried in its schema's metadata: training, with the epoch and the first iteration of
/// its mini-batches, or a validation set to score.
/// </summary>
public sealed record ShareStreamPurpose
{
    private const string PurposeKey = "bigdl.purpose";
    private const string EpochKey = "bigdl.epoch";
    private const string FirstIterationKey = "bigdl.first_iteration";
    private const string Train = "train";
    private const string Validate = "validate";

    private ShareStreamPurpose(bool isTraining, int epoch, int firstIteration)
    {
        IsTraining = isTraining;
        Epoch = epoch;
        FirstIteration = firstIteration;
    }

    /// <summary>A validation set's shares, to be scored.</summary>
    public static ShareStreamPurpose Validation { get; } = new(false, 0, 0);

    /// <summary>Whether the stream is trained on (else scored).</summary>
    public bool IsTraining { get; }

    /// <summary>The epoch of a training stream's mini-batches (0 for validation).</summary>
    public int Epoch { get; }

    /// <summary>The 1-based iteration of a training stream's first mini-batch (0 for validation).</summary>
    public int FirstIteration { get; }

    /// <summary>Training on the mini-batches of <paramref name="epoch"/> from iteration <paramref name="firstIteration"/> on.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A number is below 1.</exception>
    public static ShareStreamPurpose Training(int epoch, int firstIteration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(epoch, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstIteration, 1);
        return new ShareStreamPurpose(true, epoch, firstIteration);
    }

    /// <inheritdoc/>
    public override string ToString() => IsTraining
        ? string.Create(CultureInfo.InvariantCulture, $"training (epoch {Epoch}, from iteration {FirstIteration})")
        : "validation";

    internal void AddTo(Dictionary<string, string> metadata)
    {
        metadata[PurposeKey] = IsTraining ? Train : Validate;
        if (!IsTraining) return;
        metadata[EpochKey] = Epoch.ToString(CultureInfo.InvariantCulture);
        metadata[FirstIterationKey] = FirstIteration.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The purpose <paramref name="metadata"/> states; null when it states none.</summary>
    /// <exception cref="InvalidDataException">It states an unknown purpose, or a training stream without its epoch and first iteration.</exception>
    internal static ShareStreamPurpose? Read(IReadOnlyDictionary<string, string> metadata)
    {
        if (!metadata.TryGetValue(PurposeKey, out var purpose)) return null;
        return purpose switch
        {
            Validate => Validation,
            Train => new ShareStreamPurpose(true, Positive(metadata, EpochKey), Positive(metadata, FirstIterationKey)),
            _ => throw new InvalidDataException($"expected {PurposeKey} \"{Train}\" or \"{Validate}\", got \"{purpose}\""),
        };
    }

    private static int Positive(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= 1
            ? value
            : throw new InvalidDataException($"expected schema metadata \"{key}\" of a training share stream as a number >= 1, got {(text is null ? "none" : $"\"{text}\"")}");
}
