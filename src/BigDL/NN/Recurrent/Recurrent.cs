using System.Numerics;
using BigDL.Tensors;

namespace BigDL.NN;

/// <summary>
/// Runs a <see cref="Cell{T}"/> over a sequence [N, T, inputSize] (batch first), from a zero hidden state, giving every
/// step's output [N, T, hiddenSize]; backward is backpropagation through time.
/// </summary>
/// <remarks>
/// BigDL's <c>Recurrent</c>: <c>new Recurrent&lt;float&gt;().Add(new LSTM&lt;float&gt;(10, 20))</c>. The cell is
/// cloned for each time step with its parameters shared (re-shared on every forward, so <c>GetParameters</c> may move
/// them), and gradients of all steps accumulate into the one set of parameter gradients.
/// </remarks>
public sealed class Recurrent<T> : Container<Tensor<T>, Tensor<T>, T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Cell<T>> _steps = [];
    private readonly List<Table> _stepInputs = [];

    /// <summary>Creates the layer; add its cell with <see cref="Add"/>.</summary>
    public Recurrent() : base(new Tensor<T>(), new Tensor<T>())
    {
    }

    /// <summary>The cell run at every step.</summary>
    public Cell<T> Cell => Modules.Count == 1 ? (Cell<T>)Modules[0] : throw new InvalidOperationException($"{PrintName}: has no cell; Add one first");

    /// <summary>Sets the cell (a Recurrent holds exactly one).</summary>
    /// <exception cref="InvalidOperationException">A cell was already added.</exception>
    public Recurrent<T> Add(Cell<T> cell)
    {
        if (Modules.Count > 0) throw new InvalidOperationException($"{PrintName}: already has a cell");
        AddModule(cell);
        return this;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateOutput(Tensor<T> input)
    {
        var cell = Cell;
        Require.Shape(input.Dim() == 3 && input.Size(2) == cell.InputSize, $"input [N, T, {cell.InputSize}] (batch first)", input);
        int batch = input.Size(0), steps = input.Size(1);
        PrepareSteps(cell, steps);
        Output.Resize(batch, steps, cell.HiddenSize);
        IActivity hidden = cell.InitialHidden(batch);
        _stepInputs.Clear();
        for (int t = 0; t < steps; t++)
        {
            var stepInput = new Table(input.Select(1, t).Contiguous(), hidden);
            _stepInputs.Add(stepInput);
            var result = _steps[t].Forward(stepInput);
            Output.Select(1, t).Copy(result.Get<Tensor<T>>(0));
            hidden = result[1];
        }
        return Output;
    }

    /// <inheritdoc/>
    protected override Tensor<T> UpdateGradInput(Tensor<T> input, Tensor<T> gradOutput)
    {
        Require.SameShape(gradOutput, Output);
        int steps = input.Size(1);
        if (_stepInputs.Count != steps) throw new InvalidOperationException($"{PrintName}: Backward needs the input of the last Forward; call Forward first");
        GradInput.ResizeAs(input);
        IActivity? gradHidden = null;
        for (int t = steps - 1; t >= 0; t--)
        {
            var hiddenOut = _steps[t].Output[1];
            var gradStep = new Table(gradOutput.Select(1, t).Contiguous(), gradHidden ?? ActivitySum.ZerosLike<T>(hiddenOut));
            var grads = _steps[t].Backward(_stepInputs[t], gradStep);
            GradInput.Select(1, t).Copy(grads.Get<Tensor<T>>(0));
            gradHidden = ActivitySum.CopyOf<T>(grads[1], new Tensor<T>());
        }
        return GradInput;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{PrintName} {{ {Cell} }}";

    /// <summary>One clone of the cell per step, every clone's parameters viewing the cell's own.</summary>
    private void PrepareSteps(Cell<T> cell, int steps)
    {
        if (_steps.Count == 0) _steps.Add(cell);
        while (_steps.Count < steps) _steps.Add((Cell<T>)cell.CloneModule());
        var (weights, gradients) = cell.Parameters();
        foreach (var step in _steps)
        {
            if (ReferenceEquals(step, cell)) continue;
            var (w, g) = step.Parameters();
            for (int i = 0; i < w.Length; i++)
            {
                w[i].Set(weights[i]);
                g[i].Set(gradients[i]);
            }
            if (cell.IsTraining) step.Training();
            else step.Evaluate();
            step.SetScaleW(cell.ScaleW).SetScaleB(cell.ScaleB);
        }
    }
}
