using System.Numerics;
using System.Reflection;
using BigDL.DataSets;
using BigDL.NN;

namespace BigDL.Optim;

/// <summary>Makes optimizers, as BigDL's <c>Optimizer(model, dataset, criterion)</c>.</summary>
public static class Optimizer
{
    /// <summary>
    /// The distributed optimizers' factory, in BigDL.Distributed (which depends on this library, not the other way round),
    /// of this library's version: the two ship together, and a loader that keys assemblies by their full identity
    /// (Roslyn scripting's, which runs notebook cells) refuses a name without a version once the assembly is loaded.
    /// </summary>
    private static readonly string DistributedFactory =
        $"BigDL.Distributed.DistributedOptimizer, BigDL.Distributed, Version={typeof(Optimizer).Assembly.GetName().Version}";

    /// <summary>
    /// An optimizer for the Engine's configuration: on one node, BigDL's local optimizer — each mini-batch split over
    /// <see cref="Engine.CoreNumber"/> model replicas that share the weights; on several nodes
    /// (<see cref="Engine.Init"/>), BigDL.Distributed's optimizer on <see cref="Engine.NodeNumber"/> worker processes of
    /// <see cref="Engine.CoreNumber"/> cores each, configured through the same API.
    /// </summary>
    /// <exception cref="NotSupportedException">The Engine is configured for several nodes and BigDL.Distributed is not referenced.</exception>
    public static Optimizer<T> Create<T>(Module<T> model, DataSet<MiniBatch<T>> dataset, Criterion<T> criterion)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Engine.NodeNumber == 1) return new LocalOptimizer<T>(model, dataset, criterion);
        var factory = Type.GetType(DistributedFactory, throwOnError: false)
            ?? throw new NotSupportedException($"the Engine is set to {Engine.NodeNumber} nodes, and distributed training needs the BigDL.Distributed assembly, which this application does not reference");
        var create = factory.GetMethod("LocalCluster")!.MakeGenericMethod(typeof(T));
        var parameters = create.GetParameters();
        object?[] arguments = [model, dataset, criterion, Engine.NodeNumber, Engine.CoreNumber, parameters[5].DefaultValue];
        return (Optimizer<T>)create.Invoke(null, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
    }
}
