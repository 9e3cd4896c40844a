using System.Numerics;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Distributed;

/// <summary>Gives each owner an optim method of its own for its slice (sharded optimizer state), gathers the shards back, and says which methods can be sharded.</summary>
internal static class OptimMethodShards
{
    /// <summary>A copy of <paramref name="method"/> whose state buffers hold only the slice at <paramref name="offset"/> of <paramref name="length"/> of the <paramref name="parameters"/> values.</summary>
    public static OptimMethod<T> ForSlice<T>(OptimMethod<T> method, int offset, int length, int parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var copy = method.CloneMethod();
        foreach (var (name, buffer) in copy.State.Tensors.ToArray())
        {
            if (buffer.NElement() != parameters)
                throw new NotSupportedException($"{method.GetType().Name}'s state buffer \"{name}\" has {buffer.NElement()} elements, not one per parameter ({parameters}): it cannot be sliced over the ranks");
            copy.State.Tensors[name] = new Tensor<T>(buffer.Contiguous().AsSpan().Slice(offset, length), length);
        }
        return copy;
    }

    /// <summary>
    /// Puts the owners' state shards together into <paramref name="prototype"/>'s state: each buffer concatenated in
    /// slice order (one value per parameter again), the scalars (schedule values) of the first owner.
    /// </summary>
    public static void Gather<T>(OptimMethod<T> prototype, IReadOnlyList<OptimMethod<T>> owners, ParameterSlicing slicing) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var state = prototype.State;
        foreach (var name in owners[0].State.Tensors.Keys)
        {
            var whole = new Tensor<T>(slicing.ParameterCount);
            for (int owner = 0; owner < owners.Count; owner++)
            {
                var (offset, length) = slicing[owner];
                if (length > 0) owners[owner].State.Tensors[name].AsSpan().CopyTo(whole.AsSpan().Slice(offset, length));
            }
            state.Tensors[name] = whole;
        }
        foreach (var (name, value) in owners[0].State.Scalars) state.Scalars[name] = value;
    }

    /// <summary>Throws unless <paramref name="method"/> updates each parameter from its own gradient and state only, so owners can update their slices apart.</summary>
    public static void RequireElementWise<T>(OptimMethod<T> method) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (method is LBFGS<T>)
            throw new NotSupportedException("LBFGS evaluates the whole function several times per step and a slice's owner only has its slice: use an element-wise method (SGD, Adam, Adagrad, Adadelta, Adamax, RMSprop, Ftrl) for distributed training");
        if (method is SGD<T> { LearningRates: not null } or SGD<T> { WeightDecays: not null })
            throw new NotSupportedException("SGD with per-element learningRates or weightDecays is not sliced over the ranks yet: use scalar learningRate and weightDecay for distributed training");
    }
}
