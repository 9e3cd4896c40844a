using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Applies one module to every element of the input table; the output is the table of results. Each element gets a
/// clone of the module whose parameters are views of the module's own, so they train as one set.
/// </summary>
/// <remarks>BigDL/Torch <c>nn.MapTable</c>. Parameters are re-shared on every forward, so <c>GetParameters</c> may move them.</remarks>
public sealed class MapTable<T> : Container<Table, Table, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Module<T>> _clones = [];

    /// <summary>Creates the layer around <paramref name="module"/>.</summary>
    public MapTable(Module<T> module) : base(new Table(), new Table()) => AddModule(module);

    /// <inheritdoc/>
    protected override Table UpdateOutput(Table input)
    {
        Prepare(input.Count);
        Output.Truncate(0);
        for (int i = 0; i < input.Count; i++) Output.Insert(Run(i, m => m.Forward(input[i])));
        return Output;
    }

    /// <inheritdoc/>
    protected override Table UpdateGradInput(Table input, Table gradOutput)
    {
        if (gradOutput.Count != input.Count || _clones.Count < input.Count)
            throw new ArgumentException($"expected gradOutput with {input.Count} elements after a forward of that table, got {Activity.Describe(gradOutput)}", nameof(gradOutput));
        GradInput.Truncate(0);
        for (int i = 0; i < input.Count; i++) GradInput.Insert(Run(i, m => m.Backward(input[i], gradOutput[i])));
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName} {{ {Modules[0]} }}";

    private IActivity Run(int index, Func<Module<T>, IActivity> step)
    {
        try
        {
            return step(_clones[index]);
        }
        catch (LayerException e)
        {
            throw e.Within($"{Label}[{index}]");
        }
    }

    private void Prepare(int count)
    {
        var module = Modules[0];
        if (_clones.Count == 0) _clones.Add(module);
        while (_clones.Count < count) _clones.Add(module.CloneModule());
        var (weights, gradients) = module.Parameters();
        foreach (var clone in _clones.Skip(1))
        {
            var (w, g) = clone.Parameters();
            for (int i = 0; i < w.Length; i++)
            {
                w[i].Set(weights[i]);
                g[i].Set(gradients[i]);
            }
            if (module.IsTraining) clone.Training();
            else clone.Evaluate();
            clone.SetScaleW(module.ScaleW).SetScaleB(module.ScaleB);
        }
    }
}
