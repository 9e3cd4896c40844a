using System.Diagnostics;
using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// BigDL's local model parallelism: one replica of the model per core, all reading the model's own weights, each with
/// its own gradients, buffers and criterion. A mini-batch is cut into one contiguous slice per replica (as evenly as
/// possible, any batch size), the replicas run at once on the Engine's threads, and their gradients are summed into
/// the model's flat gradient — weighted by their share of the batch when the criterion averages over it, so the sum is
/// the gradient of the whole batch. Replica 0 is the model itself.
/// </summary>
/// <remarks>
/// Droppable replicas (BigDL's drop-slow option) each run on a thread of their own (<see cref="ReplicaLanes"/>), so
/// <see cref="ComputeGradient(MiniBatch{T}, TimeSpan)"/> can stop waiting at a deadline and leave late replicas out;
/// their gradient is then summed into a buffer of its own, since a late replica 0 still writes into the model's.
/// </remarks>
internal sealed class ModelReplicas<T> : IDisposable where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Module<T>[] _models;
    private readonly Criterion<T>[] _criterions;
    private readonly Tensor<T>[] _gradients;
    private readonly double[] _losses;
    private readonly ReplicaLanes? _lanes;
    private readonly long[] _finishedAt;
    private readonly Tensor<T>[][] _extraParameters;

    /// <summary>Replicas of <paramref name="model"/>; without a <paramref name="criterion"/> they can only run forward (inference).</summary>
    /// <param name="model">The model, replica 0.</param>
    /// <param name="criterion">The criterion, cloned for every other replica.</param>
    /// <param name="count">Number of replicas.</param>
    /// <param name="droppable">Whether <see cref="ComputeGradient(MiniBatch{T}, TimeSpan)"/> may leave late replicas out.</param>
    public ModelReplicas(Module<T> model, Criterion<T>? criterion, int count, bool droppable = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var (weights, modelGradient) = model.GetParameters();
        Weights = weights;
        Gradient = droppable ? new Tensor<T>(weights.NElement()) : modelGradient;
        _models = new Module<T>[count];
        _criterions = new Criterion<T>[count];
        _gradients = new Tensor<T>[count];
        _losses = new double[count];
        _finishedAt = new long[count];
        if (droppable) _lanes = new ReplicaLanes(count);
        _models[0] = model;
        if (criterion is not null) _criterions[0] = criterion;
        _gradients[0] = modelGradient;
        var modelWeights = model.Parameters().Weights;
        for (int r = 1; r < count; r++)
        {
            var replica = model.CloneModule();
            var replicaWeights = replica.Parameters().Weights;
            for (int i = 0; i < replicaWeights.Length; i++) replicaWeights[i].Set(modelWeights[i]);
            _models[r] = replica;
            if (criterion is not null) _criterions[r] = criterion.CloneCriterion();
            _gradients[r] = replica.GetParameters().Gradients;
        }
        _extraParameters = [.. _models.Select(ExtraParameters.Of)];
    }

    /// <summary>Number of replicas.</summary>
    public int Count => _models.Length;

    /// <summary>The model's flat weights, which every replica reads.</summary>
    public Tensor<T> Weights { get; }

    /// <summary>
    /// Where <see cref="ComputeGradient(MiniBatch{T})"/> leaves the batch's gradient: the model's flat gradient, or a
    /// buffer of its own for droppable replicas.
    /// </summary>
    public Tensor<T> Gradient { get; }

    /// <summary>Sets every replica to training or evaluation mode.</summary>
    public void SetTraining(bool training)
    {
        WaitForLate();
        foreach (var m in _models)
            if (training) m.Training();
            else m.Evaluate();
    }

    /// <summary>Forward and backward of <paramref name="batch"/> over the replicas; returns the batch's loss, the gradient in <see cref="Gradient"/>.</summary>
    public double ComputeGradient(MiniBatch<T> batch)
    {
        int parts = Parts(batch);
        if (_lanes is not null) return ComputeGradient(batch, Timeout.InfiniteTimeSpan).Loss;
        Engine.For(parts, r => Compute(batch, parts, r));
        var replicas = Enumerable.Range(0, parts).ToArray();
        var (loss, weights) = Combine(batch, parts, replicas);
        if (parts > 1 || weights[0] != 1) SumGradients(Gradient, replicas, weights);
        return loss;
    }

    /// <summary>
    /// Forward and backward of <paramref name="batch"/> over droppable replicas, waiting for them at most
    /// <paramref name="timeout"/> (<see cref="Timeout.InfiniteTimeSpan"/>: all of them); the replicas done by then give
    /// the loss and the gradient in <see cref="Gradient"/>, each weighted by its records over the records of the replicas
    /// done (the mean over what was computed, not diluted by what was left out). Late replicas finish in the background
    /// before they start on anything else.
    /// </summary>
    /// <exception cref="InvalidOperationException">The replicas were not made droppable.</exception>
    public ReplicaStep ComputeGradient(MiniBatch<T> batch, TimeSpan timeout)
    {
        if (_lanes is null) throw new InvalidOperationException("these replicas were not made droppable");
        int parts = Parts(batch);
        long dispatched = Stopwatch.GetTimestamp();
        for (int r = 0; r < parts; r++)
        {
            int replica = r;
            _lanes.Start(r, () =>
            {
                Compute(batch, parts, replica);
                _finishedAt[replica] = Stopwatch.GetTimestamp();
            });
        }
        long deadline = timeout == Timeout.InfiniteTimeSpan ? long.MaxValue : dispatched + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var done = new bool[Count];
        _lanes.WaitUntil(deadline, done);
        var finished = Enumerable.Range(0, parts).Where(r => done[r]).ToArray();
        var seconds = finished.Select(r => (double)(_finishedAt[r] - dispatched) / Stopwatch.Frequency).ToArray();
        if (finished.Length == 0) return new ReplicaStep(0, 0, parts, seconds);
        var (loss, weights) = Combine(batch, parts, finished);
        SumGradients(Gradient, finished, weights);
        int records = finished.Sum(r => Slice(batch.Size, parts, r).Length);
        return new ReplicaStep(loss, records, parts, seconds);
    }

    /// <summary>
    /// The mean over the replicas of the model's extra parameters (running statistics, <see cref="ExtraParameters"/>),
    /// laid out as <see cref="ExtraParameters.Read"/> does; empty when the model has none.
    /// </summary>
    public double[] MeanExtraParameters()
    {
        WaitForLate();
        return ExtraParameters.Mean([.. _extraParameters.SelectMany(ExtraParameters.Read)], Count);
    }

    /// <summary>Sets every replica's extra parameters to <paramref name="values"/> (as <see cref="MeanExtraParameters"/> lays them out).</summary>
    /// <exception cref="ArgumentException"><paramref name="values"/> does not hold one value per element.</exception>
    public void SetExtraParameters(ReadOnlySpan<double> values)
    {
        WaitForLate();
        foreach (var tensors in _extraParameters) ExtraParameters.Write(tensors, values);
    }

    /// <summary>
    /// Every batch of <paramref name="batches"/> through the replicas (each on a slice of it); <paramref name="consume"/>
    /// gets each slice's output and target, in record order.
    /// </summary>
    public void ForEachOutput(IEnumerable<MiniBatch<T>> batches, Action<IActivity, Tensor<T>> consume)
    {
        WaitForLate();
        foreach (var batch in batches)
        {
            int parts = Math.Min(Count, batch.Size);
            var outputs = new IActivity[parts];
            Engine.For(parts, r =>
            {
                var (offset, length) = Slice(batch.Size, parts, r);
                outputs[r] = _models[r].Forward(parts == 1 ? batch.Input : batch.Input.Narrow(0, offset, length));
            });
            for (int r = 0; r < parts; r++)
            {
                var (offset, length) = Slice(batch.Size, parts, r);
                consume(outputs[r], parts == 1 ? batch.Target : batch.Target.Narrow(0, offset, length));
            }
        }
    }

    /// <summary>Each of <paramref name="methods"/> over all of <paramref name="batches"/>, merged; null when they hold no records.</summary>
    public ValidationResult[]? Score(IEnumerable<MiniBatch<T>> batches, ValidationMethod<T>[] methods)
    {
        var results = new ValidationResult?[methods.Length];
        ForEachOutput(batches, (output, target) =>
        {
            for (int m = 0; m < methods.Length; m++)
            {
                var result = methods[m].Apply(output.ToTensor<T>(), target);
                results[m] = results[m] is null ? result : results[m]! + result;
            }
        });
        return results.Any(r => r is null) ? null : [.. results.Select(r => r!)];
    }

    /// <summary>Slice <paramref name="part"/> of <paramref name="parts"/> contiguous, near-equal slices of <paramref name="size"/> rows.</summary>
    public static (int Offset, int Length) Slice(int size, int parts, int part)
    {
        int offset = (int)((long)size * part / parts), end = (int)((long)size * (part + 1) / parts);
        return (offset, end - offset);
    }

    /// <summary>Waits until late replicas are done (nothing to wait for unless droppable).</summary>
    public void WaitForLate() => _lanes?.WaitIdle();

    /// <summary>Waits for late replicas, then lets their threads end.</summary>
    public void Dispose()
    {
        if (_lanes is null) return;
        _lanes.WaitIdle();
        _lanes.Dispose();
    }

    private int Parts(MiniBatch<T> batch)
    {
        if (_criterions[0] is null) throw new InvalidOperationException("these replicas were made for inference, without a criterion");
        return Math.Min(Count, batch.Size);
    }

    /// <summary>Replica <paramref name="r"/>'s forward and backward of its slice of <paramref name="batch"/>.</summary>
    private void Compute(MiniBatch<T> batch, int parts, int r)
    {
        var (offset, length) = Slice(batch.Size, parts, r);
        var slice = parts == 1 ? batch : batch.Slice(offset, length);
        var model = _models[r];
        var criterion = _criterions[r];
        model.ZeroGradParameters();
        var output = model.Forward(slice.Input);
        _losses[r] = double.CreateTruncating(criterion.Forward(output, slice.Target));
        model.BackwardForParameters(slice.Input, criterion.Backward(output, slice.Target));
    }

    /// <summary>The loss of <paramref name="replicas"/> together, and each one's weight: its records over theirs when the criterion averages, else 1.</summary>
    private (double Loss, double[] Weights) Combine(MiniBatch<T> batch, int parts, int[] replicas)
    {
        bool averages = _criterions[0].AveragesOverBatch;
        long records = replicas.Sum(r => (long)Slice(batch.Size, parts, r).Length);
        double loss = 0;
        var weights = new double[replicas.Length];
        for (int i = 0; i < replicas.Length; i++)
        {
            weights[i] = averages ? (double)Slice(batch.Size, parts, replicas[i]).Length / records : 1;
            loss += weights[i] * _losses[replicas[i]];
        }
        return (loss, weights);
    }

    // target = Σ_i weight_i · gradient_{replicas[i]}, in ranges over the cores; every range sums the replicas in the same order.
    private void SumGradients(Tensor<T> target, int[] replicas, double[] weights)
    {
        var gradients = _gradients;
        var factors = weights.Select(w => T.CreateTruncating(w)).ToArray();
        Engine.ForRanges(target.NElement(), 1 << 14, (start, length) =>
        {
            var total = target.AsSpan().Slice(start, length);
            var first = gradients[replicas[0]].AsSpan().Slice(start, length);
            if (factors[0] != T.One) System.Numerics.Tensors.TensorPrimitives.Multiply(first, factors[0], total);
            else if (!ReferenceEquals(target, gradients[replicas[0]])) first.CopyTo(total);
            for (int i = 1; i < replicas.Length; i++)
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(gradients[replicas[i]].AsSpan().Slice(start, length), factors[i], total, total);
        });
    }
}
