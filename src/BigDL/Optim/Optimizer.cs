using System.Diagnostics;
using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Visualization;

namespace BigDL.Optim;

/// <summary>
/// Trains a model on a data set: what to minimise (the criterion), how (the optim method), until when, with what
/// validation, checkpoints, summaries and gradient clipping. Configure with the <c>Set…</c> methods (each returns this
/// optimizer), then call <see cref="Optimize()"/>. Progress is published to subscribers (<see cref="IObservable{T}"/>).
/// </summary>
/// <remarks>BigDL's <c>Optimizer</c>; made by <see cref="Optimizer.Create{T}"/>.</remarks>
public abstract class Optimizer<T> : IObservable<TrainingEvent> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<IObserver<TrainingEvent>> _observers = [];

    /// <summary>An optimizer of <paramref name="model"/> on <paramref name="dataset"/> against <paramref name="criterion"/>.</summary>
    protected Optimizer(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(criterion);
        Model = model;
        DataSet = dataset;
        Criterion = criterion;
    }

    /// <summary>The model trained (its weights are updated in place).</summary>
    public Module<T> Model { get; }

    /// <summary>The training data.</summary>
    public DataSet<MiniBatch<T>> DataSet { get; }

    /// <summary>The loss minimised.</summary>
    public Criterion<T> Criterion { get; }

    /// <summary>The optimisation method (default: BigDL's, plain <see cref="SGD{T}"/> with learning rate 1e-3).</summary>
    public OptimMethod<T> OptimMethod { get; private set; } = new SGD<T>();

    /// <summary>When training stops (default: BigDL's, after 100 iterations).</summary>
    public Trigger EndWhen { get; private set; } = Trigger.MaxIteration(100);

    /// <summary>When and on what the model is validated; null without validation.</summary>
    public (Trigger Trigger, DataSet<MiniBatch<T>> DataSet, ValidationMethod<T>[] Methods)? Validation { get; private set; }

    /// <summary>Where and when checkpoints are written; null without checkpoints.</summary>
    public (string Folder, Trigger Trigger, bool Overwrite)? Checkpoint { get; private set; }

    /// <summary>The summary training scalars go to (Loss, Throughput, LearningRate per iteration), or null.</summary>
    public TrainSummary? TrainSummary { get; private set; }

    /// <summary>The summary validation scores go to, or null.</summary>
    public ValidationSummary? ValidationSummary { get; private set; }

    /// <summary>How gradients are clipped before each update.</summary>
    public GradientClipping Clipping { get; private set; } = GradientClipping.None;

    /// <summary>The checkpoint training resumes from, or null to start afresh.</summary>
    public string? ResumeCheckpoint { get; private set; }

    /// <summary>Uses <paramref name="method"/> to update the weights.</summary>
    public Optimizer<T> SetOptimMethod(OptimMethod<T> method)
    {
        OptimMethod = method ?? throw new ArgumentNullException(nameof(method));
        return this;
    }

    /// <summary>Stops training when <paramref name="trigger"/> fires (e.g. <see cref="Trigger.MaxEpoch"/>).</summary>
    public Optimizer<T> SetEndWhen(Trigger trigger)
    {
        EndWhen = trigger ?? throw new ArgumentNullException(nameof(trigger));
        return this;
    }

    /// <summary>Scores the model on <paramref name="dataset"/> with <paramref name="methods"/> whenever <paramref name="trigger"/> fires.</summary>
    /// <exception cref="ArgumentException">No validation method is given.</exception>
    public Optimizer<T> SetValidation(Trigger trigger, DataSet<MiniBatch<T>> dataset, params ValidationMethod<T>[] methods)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Length == 0) throw new ArgumentException("SetValidation needs at least one validation method, e.g. new Top1Accuracy<float>()", nameof(methods));
        Validation = (trigger, dataset, (ValidationMethod<T>[])methods.Clone());
        return this;
    }

    /// <summary>
    /// Writes a checkpoint into <paramref name="folder"/> whenever <paramref name="trigger"/> fires: one file per
    /// iteration (<c>checkpoint.N.bigdl</c>), or the same <c>checkpoint.bigdl</c> each time when <paramref name="overwrite"/>.
    /// </summary>
    public Optimizer<T> SetCheckpoint(string folder, Trigger trigger, bool overwrite = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentNullException.ThrowIfNull(trigger);
        if (File.Exists(folder)) throw new ArgumentException($"checkpoint folder {folder} is a file", nameof(folder));
        Checkpoint = (folder, trigger, overwrite);
        return this;
    }

    /// <summary>Continues the training saved in <paramref name="checkpointPath"/>: its weights, optim method (with its state) and position.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public Optimizer<T> ResumeFrom(string checkpointPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpointPath);
        if (!File.Exists(checkpointPath)) throw new FileNotFoundException($"no checkpoint at {Path.GetFullPath(checkpointPath)}", checkpointPath);
        ResumeCheckpoint = checkpointPath;
        return this;
    }

    /// <summary>Writes training scalars to <paramref name="summary"/> (BigDL's <c>setTrainSummary</c>).</summary>
    public Optimizer<T> SetTrainSummary(TrainSummary summary)
    {
        TrainSummary = summary ?? throw new ArgumentNullException(nameof(summary));
        return this;
    }

    /// <summary>Writes validation scores to <paramref name="summary"/> (BigDL's <c>setValidationSummary</c>).</summary>
    public Optimizer<T> SetValidationSummary(ValidationSummary summary)
    {
        ValidationSummary = summary ?? throw new ArgumentNullException(nameof(summary));
        return this;
    }

    /// <summary>Clamps every gradient element into [<paramref name="min"/>, <paramref name="max"/>] (BigDL's <c>setConstantGradientClipping</c>).</summary>
    public Optimizer<T> SetConstantGradientClipping(double min, double max)
    {
        Clipping = GradientClipping.Constant(min, max);
        return this;
    }

    /// <summary>Scales the gradient down when its L2 norm exceeds <paramref name="clipNorm"/> (BigDL's <c>setGradientClippingByl2Norm</c>).</summary>
    public Optimizer<T> SetGradientClippingByL2Norm(double clipNorm)
    {
        Clipping = GradientClipping.L2Norm(clipNorm);
        return this;
    }

    /// <summary>Turns gradient clipping off.</summary>
    public Optimizer<T> DisableGradientClipping()
    {
        Clipping = GradientClipping.None;
        return this;
    }

    /// <summary>
    /// Trains until <see cref="EndWhen"/> fires or the ambient cancellation (<see cref="TrainingHooks.SetCancellationProvider"/>,
    /// e.g. a notebook's interrupt) is requested, then returns the trained model.
    /// </summary>
    /// <exception cref="OperationCanceledException">Never: a cancelled training stops after the current iteration and returns the model.</exception>
    public Module<T> Optimize() => Optimize(CancellationToken.None);

    /// <summary>
    /// Trains until <see cref="EndWhen"/> fires or either <paramref name="cancellation"/> or the ambient cancellation
    /// is requested (checked between iterations; the model is then as after the last full iteration; the final
    /// <see cref="TrainingCompleted"/> says <c>Cancelled</c>), and returns the model. The observers of
    /// <see cref="TrainingHooks"/> factories receive this run's events as subscribers do, and <c>OnError</c> if it throws.
    /// </summary>
    public Module<T> Optimize(CancellationToken cancellation)
    {
        var hooked = TrainingHooks.CreateObservers().Select(Subscribe).ToList();
        try
        {
            using var combined = CancellationTokenSource.CreateLinkedTokenSource(cancellation, TrainingHooks.AmbientCancellation());
            return Run(combined.Token);
        }
        catch (Exception error)
        {
            PublishError(error);
            throw;
        }
        finally
        {
            foreach (var subscription in hooked) subscription.Dispose();
        }
    }

    /// <summary>The training loop of <see cref="Optimize(CancellationToken)"/>; its first event is <see cref="TrainingStarted"/> (<see cref="PublishStarted"/>).</summary>
    protected abstract Module<T> Run(CancellationToken cancellation);

    /// <inheritdoc/>
    public IDisposable Subscribe(IObserver<TrainingEvent> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_observers) _observers.Add(observer);
        return new Subscription(this, observer);
    }

    /// <summary>Calls <paramref name="onEvent"/> with every event, on the training thread; dispose the result to stop.</summary>
    public IDisposable Subscribe(Action<TrainingEvent> onEvent)
    {
        ArgumentNullException.ThrowIfNull(onEvent);
        return Subscribe(new ActionObserver(onEvent));
    }

    /// <summary>Sends <paramref name="e"/> to every subscriber, in subscription order.</summary>
    protected void Publish(TrainingEvent e)
    {
        IObserver<TrainingEvent>[] observers;
        lock (_observers) observers = [.. _observers];
        foreach (var observer in observers) observer.OnNext(e);
    }

    /// <summary>
    /// Publishes <see cref="TrainingStarted"/> for a run starting in <paramref name="epoch"/> after <paramref name="iterationsDone"/>
    /// iterations and <paramref name="recordsInEpoch"/> of the epoch's <paramref name="epochSize"/> records, whose first batch
    /// holds <paramref name="firstBatchSize"/> records (null: no batch); the planned end comes from <see cref="EndWhen"/>.
    /// </summary>
    protected void PublishStarted(int epoch, int iterationsDone, long recordsInEpoch, long epochSize, int? firstBatchSize)
    {
        int? batches = firstBatchSize is int size and > 0 ? (int)((epochSize + size - 1) / size) : null;
        Publish(new TrainingStarted(epoch, iterationsDone, recordsInEpoch, epochSize, batches, EndWhen.EpochLimit, EndWhen.IterationLimit));
    }

    /// <summary>Tells every subscriber that training failed with <paramref name="error"/>.</summary>
    private void PublishError(Exception error)
    {
        IObserver<TrainingEvent>[] observers;
        lock (_observers) observers = [.. _observers];
        foreach (var observer in observers) observer.OnError(error);
    }

    /// <summary>Tells every subscriber that training ended.</summary>
    protected void PublishCompleted()
    {
        IObserver<TrainingEvent>[] observers;
        lock (_observers) observers = [.. _observers];
        foreach (var observer in observers) observer.OnCompleted();
    }

    /// <summary>
    /// The training loop both the local and the distributed optimizer run: each iteration takes the next batch (an
    /// epoch is one pass in the order its seed gives), lets <paramref name="step"/> compute and apply the update (it
    /// advances the optim state's iteration and returns the batch's loss and the learning rate used), publishes the
    /// iteration, then triggers decide on epoch end, validation (through <see cref="Score"/>), checkpoints and the
    /// end. <paramref name="recordsInEpoch"/> are the records of the current epoch already trained on (a resume).
    /// </summary>
    private protected Module<T> Train(long recordsInEpoch, Func<MiniBatch<T>, (double Loss, double LearningRate)> step,
        CancellationToken cancellation)
    {
        var state = OptimMethod.State;
        long epochSize = DataSet.Size;
        if (epochSize == 0) throw new InvalidOperationException("the training data set has no records");

        var clock = Stopwatch.StartNew();
        var epochClock = Stopwatch.StartNew();
        long records = 0;
        var batches = Epoch(state.Epoch, recordsInEpoch);
        var next = Next(batches);
        PublishStarted(state.Epoch, state.Iteration - 1, recordsInEpoch, epochSize, next?.Size);
        var trainingState = new TrainingState(state.Epoch, state.Iteration, false, state.Loss, state.Score);
        while (!EndWhen.Fires(trainingState) && !cancellation.IsCancellationRequested)
        {
            if (next is null)
            {
                batches.Dispose();
                batches = Epoch(state.Epoch, 0);
                next = Next(batches) ?? throw new InvalidOperationException("the training data set produced no batch for an epoch");
            }
            long started = Stopwatch.GetTimestamp();
            var batch = next;
            next = Next(batches);
            var (loss, learningRate) = step(batch);
            state.Loss = loss;
            records += batch.Size;
            recordsInEpoch += batch.Size;
            double throughput = batch.Size / Math.Max(Stopwatch.GetElapsedTime(started).TotalSeconds, 1e-9);
            int done = state.Iteration - 1;
            Publish(new IterationCompleted(state.Epoch, done, loss, batch.Size, recordsInEpoch, epochSize, throughput, learningRate, clock.Elapsed));
            TrainSummary?.AddScalar("Loss", loss, done);
            TrainSummary?.AddScalar("Throughput", throughput, done);
            TrainSummary?.AddScalar("LearningRate", learningRate, done);

            bool epochCompleted = next is null;
            if (epochCompleted)
            {
                Synchronize();
                Publish(new EpochCompleted(state.Epoch, done, epochClock.Elapsed, recordsInEpoch));
                state.Epoch++;
                recordsInEpoch = 0;
                epochClock.Restart();
            }
            trainingState = new TrainingState(state.Epoch, state.Iteration, epochCompleted, state.Loss, state.Score);
            if (Validation is { } validation && validation.Trigger.Fires(trainingState))
            {
                Synchronize();
                Validate(validation.DataSet, validation.Methods, state);
                trainingState = trainingState with { Score = state.Score };
            }
            if (Checkpoint is { } target && target.Trigger.Fires(trainingState))
            {
                Synchronize();
                string path = Path.Combine(target.Folder, CheckpointFile.Name(done, target.Overwrite));
                CheckpointFile.Write(path, Model, OptimMethod, new TrainingProgress(recordsInEpoch));
                Publish(new CheckpointSaved(state.Epoch, done, Path.GetFullPath(path)));
            }
        }
        batches.Dispose();
        Synchronize();
        Publish(new TrainingCompleted(state.Epoch, state.Iteration - 1, clock.Elapsed, records, cancellation.IsCancellationRequested));
        PublishCompleted();
        return Model;
    }

    /// <summary>
    /// Restores <see cref="Model"/> and <see cref="OptimMethod"/> from <see cref="ResumeCheckpoint"/> when one was given;
    /// returns the records of its epoch already trained on (0 without one).
    /// </summary>
    private protected long Resume()
    {
        if (ResumeCheckpoint is not { } checkpoint) return 0;
        var (saved, progress) = CheckpointFile.ReadInto(checkpoint, Model);
        SetOptimMethod(saved);
        return progress.RecordsInEpoch;
    }

    /// <summary>
    /// Brings <see cref="Model"/> and <see cref="OptimMethod"/>'s state up to date where training runs elsewhere (in
    /// worker processes): the training loop calls it at the end of every epoch, before validating, before writing a
    /// checkpoint and when training ends. Training in this process keeps them current and does nothing here.
    /// </summary>
    private protected virtual void Synchronize()
    {
    }

    /// <summary>The batches of <paramref name="epoch"/>, in its order, after skipping the records already trained on.</summary>
    private protected IEnumerator<MiniBatch<T>> Epoch(int epoch, long skip)
    {
        DataSet.Shuffle(epoch);
        var batches = DataSet.Data(train: true).GetEnumerator();
        long skipped = 0;
        while (skipped < skip && batches.MoveNext()) skipped += batches.Current.Size;
        if (skipped != skip)
            throw new InvalidOperationException($"cannot resume {skip} records into epoch {epoch}: the data set's batches end at {skipped} (was the batch size changed?)");
        return batches;
    }

    /// <summary>The next batch of <paramref name="batches"/>, or null at the end of the epoch.</summary>
    private protected static MiniBatch<T>? Next(IEnumerator<MiniBatch<T>> batches) => batches.MoveNext() ? batches.Current : null;

    /// <summary>
    /// Each of <paramref name="methods"/> over every batch of <paramref name="data"/> (in stored order), scored by the
    /// model as trained so far in evaluation mode, with training mode back on after; null when the data holds no records.
    /// </summary>
    private protected abstract ValidationResult[]? Score(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods);

    /// <summary>Scores the model on <paramref name="data"/>, records the first score in <paramref name="state"/>, writes the summary and publishes the result.</summary>
    private void Validate(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods, OptimState<T> state)
    {
        var clock = Stopwatch.StartNew();
        var results = Score(data, methods) ?? throw new InvalidOperationException("the validation data set has no records");
        state.Score = results[0].Result.Value;
        int done = state.Iteration - 1;
        for (int m = 0; m < methods.Length; m++) ValidationSummary?.AddScalar(methods[m].Name, results[m].Result.Value, done);
        Publish(new ValidationCompleted(state.Epoch, done, [.. methods.Select((method, i) => (method.Name, results[i]))], clock.Elapsed));
    }

    private sealed class ActionObserver(Action<TrainingEvent> onEvent) : IObserver<TrainingEvent>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(TrainingEvent value) => onEvent(value);
    }

    private sealed class Subscription(Optimizer<T> optimizer, IObserver<TrainingEvent> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (optimizer._observers) optimizer._observers.Remove(observer);
        }
    }
}
