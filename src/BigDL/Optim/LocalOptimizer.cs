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
    private ModelReplicas<T>? _replicas;

    protected override Module<T> Run(CancellationToken cancellation)
    {
        long recordsInEpoch = Resume();
        var method = OptimMethod;
        var replicas = _replicas = new ModelReplicas<T>(Model, Criterion, Engine.CoreNumber);
        replicas.SetTraining(true);
        return Train(recordsInEpoch, batch =>
        {
            method.UpdateHyperParameter();
            double learningRate = method.CurrentLearningRate;
            double loss = replicas.ComputeGradient(batch);
            Clipping.Apply(replicas.Gradient);
            method.Optimize(_ => (loss, replicas.Gradient), replicas.Weights);
            return (loss, learningRate);
        }, cancellation);
    }

    /// <summary>Scores on the training replicas, each with the running statistics it gathered (as BigDL's local optimizer).</summary>
    private protected override ValidationResult[]? Score(DataSet<MiniBatch<T>> data, ValidationMethod<T>[] methods)
    {
        var replicas = _replicas!;
        replicas.SetTraining(false);
        try
        {
            return replicas.Score(data.Data(train: false), methods);
        }
        finally
        {
            replicas.SetTraining(true);
        }
    }
}
