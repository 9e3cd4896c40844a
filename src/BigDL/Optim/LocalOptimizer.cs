using System.Diagnostics;
using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;

namespace BigDL.Optim;

/// <summary>
/// BigDL's <c>LocalOptimizer</c>: synchronous mini-batch training on this machine's cores. Each iteration takes the
/// next batch, computes its loss and gradient over the model replicas (<see cref="ModelReplicas{T}"/>), clips the
/// gradient, and lets the optim method update the weights once; then triggers decide on validation, checkpoints and
/// the end. An epoch is one pass over the data set, in the order its seed gives that epoch.
/// </summary>
internal sealed class LocalOptimizer<T>(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion)
    : Optimizer<T>(model, dataset, criterion) where T : unmanaged, IFloatingPointIeee754<T>
{
    protected override Module<T> Run(CancellationToken cancellation)
    {
        long recordsInEpoch = 0;
        if (ResumeCheckpoint is { } checkpoint)
        {
            var (saved, progress) = CheckpointFile.ReadInto(checkpoint, Model);
            SetOptimMethod(saved);
            recordsInEpoch = progress.RecordsInEpoch;
        }
        var method = OptimMethod;
        var state = method.State;
        var replicas = new ModelReplicas<T>(Model, Criterion, Engine.CoreNumber);
        replicas.SetTraining(true);
        long epochSize = DataSet.Size;
        if (epochSize == 0) throw new InvalidOperationException("the training data set has no records");

        var clock = Stopwatch.StartNew();
        var epochClock = Stopwatch.StartNew();
        long records = 0;
        double? lastLoss = state.Loss;
        var batches = Epoch(state.Epoch, recordsInEpoch);
        var next = Next(batches);
        PublishStarted(state.Epoch, state.Iteration - 1, recordsInEpoch, epochSize, next?.Size);
        var trainingState = new TrainingState(state.Epoch, state.Iteration, false, lastLoss, state.Score);
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
            method.UpdateHyperParameter();
            double learningRate = method.CurrentLearningRate;
            double loss = replicas.ComputeGradient(batch);
            Clipping.Apply(replicas.Gradient);
            method.Optimize(_ => (loss, replicas.Gradient), replicas.Weights);
            state.Loss = lastLoss = loss;
            records += batch.Size;
            recordsInEpoch += batch.Size;
            double seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            int done = state.Iteration - 1;
            Publish(new IterationCompleted(state.Epoch, done, loss, batch.Size, recordsInEpoch, epochSize, batch.Size / Math.Max(seconds, 1e-9), learningRate, clock.Elapsed));
            TrainSummary?.AddScalar("Loss", loss, done);
            TrainSummary?.AddScalar("Throughput", batch.Size / Math.Max(seconds, 1e-9), done);
            TrainSummary?.AddScalar("LearningRate", learningRate, done);

            bool epochCompleted = next is null;
            if (epochCompleted)
            {
                Publish(new EpochCompleted(state.Epoch, done, epochClock.Elapsed, recordsInEpoch));
                state.Epoch++;
                recordsInEpoch = 0;
                epochClock.Restart();
            }
            trainingState = new TrainingState(state.Epoch, state.Iteration, epochCompleted, lastLoss, state.Score);
            if (Validation is { } validation && validation.Trigger.Fires(trainingState))
            {
                Validate(replicas, validation.DataSet, validation.Methods, state);
                trainingState = trainingState with { Score = state.Score };
                replicas.SetTraining(true);
            }
            if (Checkpoint is { } target && target.Trigger.Fires(trainingState))
            {
                string path = Path.Combine(target.Folder, CheckpointFile.Name(done, target.Overwrite));
                CheckpointFile.Write(path, Model, method, new TrainingProgress(recordsInEpoch));
                Publish(new CheckpointSaved(state.Epoch, done, Path.GetFullPath(path)));
            }
        }
        batches.Dispose();
        Publish(new TrainingCompleted(state.Epoch, state.Iteration - 1, clock.Elapsed, records, cancellation.IsCancellationRequested));
        PublishCompleted();
        return Model;
    }
}
