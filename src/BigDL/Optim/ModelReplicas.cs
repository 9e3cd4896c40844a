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
internal sealed class ModelReplicas<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Module<T>[] _models;
    private readonly Criterion<T>[] _criterions;
    private readonly Tensor<T>[] _gradients;
    private readonly double[] _losses;

    /// <summary>Replicas of <paramref name="model"/>; without a <paramref name="criterion"/> they can only run forward (inference).</summary>
    public ModelReplicas(Module<T> model, Criterion<T>? criterion, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        (Weights, Gradient) = model.GetParameters();
        _models = new Module<T>[count];
        _criterions = new Criterion<T>[count];
        _gradients = new Tensor<T>[count];
        _losses = new double[count];
        _models[0] = model;
        if (criterion is not null) _criterions[0] = criterion;
        _gradients[0] = Gradient;
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
    }

    /// <summary>Number of replicas.</summary>
    public int Count => _models.Length;

    /// <summary>The model's flat weights, which every replica reads.</summary>
    public Tensor<T> Weights { get; }

    /// <summary>The model's flat gradient, where <see cref="ComputeGradient"/> leaves the batch's gradient.</summary>
    public Tensor<T> Gradient { get; }

    /// <summary>Sets every replica to training or evaluation mode.</summary>
    public void SetTraining(bool training)
    {
        foreach (var m in _models)
            if (training) m.Training();
            else m.Evaluate();
    }

    /// <summary>Forward and backward of <paramref name="batch"/> over the replicas; returns the batch's loss, the gradient in <see cref="Gradient"/>.</summary>
    public double ComputeGradient(MiniBatch<T> batch)
    {
        if (_criterions[0] is null) throw new InvalidOperationException("these replicas were made for inference, without a criterion");
        int parts = Math.Min(Count, batch.Size);
        bool averages = _criterions[0].AveragesOverBatch;
        Engine.For(parts, r =>
        {
            var (offset, length) = Slice(batch.Size, parts, r);
            var slice = parts == 1 ? batch : batch.Slice(offset, length);
            var model = _models[r];
            var criterion = _criterions[r];
            model.ZeroGradParameters();
            var output = model.Forward(slice.Input);
            _losses[r] = double.CreateTruncating(criterion.Forward(output, slice.Target));
            model.BackwardForParameters(slice.Input, criterion.Backward(output, slice.Target));
        });
        double loss = 0;
        var weights = new double[parts];
        for (int r = 0; r < parts; r++)
        {
            weights[r] = averages ? (double)Slice(batch.Size, parts, r).Length / batch.Size : 1;
            loss += weights[r] * _losses[r];
        }
        if (parts > 1 || weights[0] != 1) SumGradients(parts, weights);
        return loss;
    }

    /// <summary>
    /// Every batch of <paramref name="data"/>, in stored order, through the replicas (each on a slice of it);
    /// <paramref name="consume"/> gets each slice's output and target, in record order.
    /// </summary>
    public void ForEachOutput(DataSet<MiniBatch<T>> data, Action<IActivity, Tensor<T>> consume)
    {
        foreach (var batch in data.Data(train: false))
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

    /// <summary>Each of <paramref name="methods"/> over all of <paramref name="data"/>, merged; null when it has no records.</summary>
    public ValidationResult[]? Score(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods)
    {
        var results = new ValidationResult?[methods.Length];
        ForEachOutput(data, (output, target) =>
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

    // gradient = Σ_r weight_r · gradient_r, in ranges over the cores; every range sums the replicas in the same order.
    private void SumGradients(int parts, double[] weights)
    {
        var gradients = _gradients;
        var factors = weights.Select(w => T.CreateTruncating(w)).ToArray();
        Engine.ForRanges(Gradient.NElement(), 1 << 14, (start, length) =>
        {
            var total = gradients[0].AsSpan().Slice(start, length);
            if (factors[0] != T.One) System.Numerics.Tensors.TensorPrimitives.Multiply(total, factors[0], total);
            for (int r = 1; r < parts; r++) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(gradients[r].AsSpan().Slice(start, length), factors[r], total, total);
        });
    }
}
