using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Optim;

/// <summary>
/// Inference over data sets on all cores (one model replica per core, in evaluation mode), as BigDL's
/// <c>model.predict</c>, <c>predictClass</c> and <c>evaluate(dataset, methods)</c>. The model's mode is put back after.
/// </summary>
public static class ModelPrediction
{
    /// <summary>The model's outputs for every record of <paramref name="data"/>, stacked: [records, …].</summary>
    /// <exception cref="NotSupportedException">The model's output is a Table.</exception>
    public static Tensor<T> Predict<T>(this Module<T> model, DataSet<MiniBatch<T>> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        var rows = Run(model, replicas =>
        {
            var outputs = new List<Tensor<T>>();
            replicas.ForEachOutput(data.Data(train: false), (output, _) =>
            {
                if (output is not Tensor<T> tensor) throw new NotSupportedException($"Predict stacks tensor outputs; {model.Label} returned {Activity.Describe(output)}");
                outputs.Add(tensor.Clone());
            });
            return outputs;
        });
        if (rows.Count == 0) return new Tensor<T>();
        var first = rows[0];
        var result = new Tensor<T>([rows.Sum(r => r.Size(0)), .. first.Size()[1..]]);
        int at = 0;
        foreach (var r in rows)
        {
            result.Narrow(0, at, r.Size(0)).Copy(r);
            at += r.Size(0);
        }
        return result;
    }

    /// <summary>The 0-based class with the highest score for every record of <paramref name="data"/> (output [N, classes]).</summary>
    public static int[] PredictClass<T>(this Module<T> model, DataSet<MiniBatch<T>> data) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var scores = Predict(model, data);
        if (scores.Dim() != 2) throw new ArgumentException($"PredictClass needs outputs [N, classes], got [{string.Join(", ", scores.Size())}]", nameof(model));
        var classes = new int[scores.Size(0)];
        for (int i = 0; i < classes.Length; i++)
        {
            int best = 0;
            for (int c = 1; c < scores.Size(1); c++)
                if (scores[i, c] > scores[i, best]) best = c;
            classes[i] = best;
        }
        return classes;
    }

    /// <summary>Scores the model on <paramref name="data"/> with each of <paramref name="methods"/>.</summary>
    public static (ValidationMethod<T> Method, ValidationResult Result)[] Evaluate<T>(this Module<T> model, DataSet<MiniBatch<T>> data,
        params ValidationMethod<T>[] methods) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(methods);
        if (methods.Length == 0) throw new ArgumentException("Evaluate needs at least one validation method", nameof(methods));
        ArgumentNullException.ThrowIfNull(data);
        var results = Score(model, data.Data(train: false), methods) ?? throw new ArgumentException("the data set has no records", nameof(data));
        return [.. methods.Select((method, i) => (method, results[i]))];
    }

    /// <summary>Each of <paramref name="methods"/> over all of <paramref name="batches"/>, scored on all cores in evaluation mode; null when they hold no records.</summary>
    internal static ValidationResult[]? Score<T>(Module<T> model, IEnumerable<MiniBatch<T>> batches, ValidationMethod<T>[] methods)
        where T : unmanaged, IFloatingPointIeee754<T> => Run(model, replicas => replicas.Score(batches, methods));

    /// <summary>Runs <paramref name="use"/> on replicas of the model in evaluation mode, then puts the model's mode back.</summary>
    private static TResult Run<T, TResult>(Module<T> model, Func<ModelReplicas<T>, TResult> use)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        bool wasTraining = model.IsTraining;
        var replicas = new ModelReplicas<T>(model, criterion: null, Engine.CoreNumber);
        replicas.SetTraining(false);
        try
        {
            return use(replicas);
        }
        finally
        {
            if (wasTraining) model.Training();
        }
    }
}
