namespace BigDL.Optim;

/// <summary>
/// Process-wide hooks a host (a notebook extension, a dashboard) installs once to take part in every training run
/// without touching the user's code: observer factories, from which each <see cref="Optimizer{T}.Optimize()"/> run
/// creates fresh observers that receive its events exactly as explicit subscribers do, and an ambient cancellation
/// provider, so that a notebook's interrupt stops the training running in the interrupted cell.
/// </summary>
/// <remarks>No BigDL counterpart: BigDL's notebooks polled the summaries; here the host sees the events as they happen.</remarks>
public static class TrainingHooks
{
    private static readonly Lock Gate = new();
    private static readonly List<Func<IObserver<TrainingEvent>?>> Factories = [];
    private static Func<CancellationToken>? _cancellation;

    /// <summary>
    /// Registers <paramref name="factory"/>: every later training run calls it once when it starts and, unless it
    /// returns null (the host wants no part in this run), publishes every event of the run to the observer it made,
    /// after the run's explicit subscribers. Dispose the result to unregister.
    /// </summary>
    public static IDisposable AddObserverFactory(Func<IObserver<TrainingEvent>?> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate) Factories.Add(factory);
        return new Registration(() =>
        {
            lock (Gate) Factories.Remove(factory);
        });
    }

    /// <summary>
    /// Makes <paramref name="provider"/> the ambient cancellation: every training run asks it for a token when it
    /// starts and stops after the current iteration once that token is cancelled (together with any token passed to
    /// <see cref="Optimizer{T}.Optimize(CancellationToken)"/>). The last provider set wins; disposing the result removes
    /// it if it is still the one in force.
    /// </summary>
    public static IDisposable SetCancellationProvider(Func<CancellationToken> provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        lock (Gate) _cancellation = provider;
        return new Registration(() =>
        {
            lock (Gate)
                if (_cancellation == provider) _cancellation = null;
        });
    }

    /// <summary>The ambient token for a run starting now (none without a provider).</summary>
    internal static CancellationToken AmbientCancellation()
    {
        Func<CancellationToken>? provider;
        lock (Gate) provider = _cancellation;
        return provider?.Invoke() ?? CancellationToken.None;
    }

    /// <summary>A fresh observer from every registered factory that wants this run, in registration order.</summary>
    internal static List<IObserver<TrainingEvent>> CreateObservers()
    {
        Func<IObserver<TrainingEvent>?>[] factories;
        lock (Gate) factories = [.. Factories];
        var observers = new List<IObserver<TrainingEvent>>(factories.Length);
        foreach (var factory in factories)
            if (factory() is { } observer) observers.Add(observer);
        return observers;
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private Action? _remove = remove;

        public void Dispose() => Interlocked.Exchange(ref _remove, null)?.Invoke();
    }
}
