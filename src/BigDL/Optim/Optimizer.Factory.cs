using System.Numerics;
using BigDL.DataSets;
using BigDL.NN;

namespace BigDL.Optim;

/// <summary>Makes optimizers, as BigDL's <c>Optimizer(model, dataset, criterion)</c>.</summary>
public static class Optimizer
{
    /// <summary>
    /// An optimizer for the Engine's configuration: on one node, BigDL's local optimizer — each mini-batch split over
    /// <see cref="Engine.CoreNumber"/> model replicas that share the weights.
    /// </summary>
    /// <exception cref="NotSupportedException">The Engine is configured for several nodes (needs BigDL.Distributed).</exception>
    public static Optimizer<T> Create<T>(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Engine.NodeNumber > 1)
            throw new NotSupportedException($"the Engine is set to {Engine.NodeNumber} nodes; distributed training needs BigDL.Distributed, which this build does not have yet");
        return new LocalOptimizer<T>(model, dataset, criterion);
    }
}
