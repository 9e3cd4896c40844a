using System.Globalization;
using BigDL.Optim;

namespace BigDL.Interactive.Formatting;

/// <summary>A training event as one line, e.g. <c>Epoch 1 · iteration 120 · loss 0.4321 · …</c>.</summary>
internal static class TrainingEventText
{
    /// <summary>The one-line summary; an event kind it does not know prints as the record does.</summary>
    public static string Summary(TrainingEvent e) => e switch
    {
        IterationCompleted i =>
            $"Epoch {i.Epoch} · iteration {i.Iteration} · loss {NumberFormat.Measurement(i.Loss)} · {NumberFormat.Count(i.RecordsInEpoch)}/{NumberFormat.Count(i.EpochSize)} records"
            + $" · {NumberFormat.Count((long)Math.Round(i.RecordsPerSecond))} records/s · learning rate {NumberFormat.Measurement(i.LearningRate)} · {Duration(i.Elapsed)}",
        EpochCompleted done =>
            $"Epoch {done.Epoch} done · iteration {done.Iteration} · {NumberFormat.Count(done.Records)} records in {Duration(done.Duration)}{Rate(done.Records, done.Duration)}",
        ValidationCompleted v =>
            $"Validation at epoch {v.Epoch}, iteration {v.Iteration}: "
            + string.Join(", ", v.Results.Select(r => $"{r.Method} {ValidationTable.ValueText(r.Result)} ({ValidationTable.CountText(r.Result)})"))
            + $" · {Duration(v.Duration)}",
        TrainingCompleted t =>
            $"Training {(t.Cancelled ? "cancelled" : "completed")} at epoch {t.Epoch}, iteration {t.Iteration} · {NumberFormat.Count(t.Records)} records in {Duration(t.Elapsed)}{Rate(t.Records, t.Elapsed)}",
        CheckpointSaved c => $"Checkpoint at epoch {c.Epoch}, iteration {c.Iteration}: {c.Path}",
        _ => e.ToString(),
    };

    /// <summary><c>12.3 s</c> below a minute, <c>3 min 05 s</c> below an hour, else <c>1 h 02 min</c>.</summary>
    public static string Duration(TimeSpan span)
    {
        if (span.TotalMinutes < 1) return string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.0} s");
        if (span.TotalHours < 1) return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min {span.Seconds:00} s");
        return string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min");
    }

    private static string Rate(long records, TimeSpan span) =>
        span > TimeSpan.Zero ? $" ({NumberFormat.Count((long)Math.Round(records / span.TotalSeconds))} records/s)" : "";
}
