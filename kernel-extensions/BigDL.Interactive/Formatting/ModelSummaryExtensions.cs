using System.Numerics;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// <c>model.Summarize(1, 28, 28)</c>: the layer table of a model with every output shape filled in, after one forward
/// pass on zeros.
/// </summary>
/// <remarks>
/// Named <c>Summarize</c> because <see cref="Module{T}.Summary"/> already exists (it returns the parameter counts as a
/// string and runs nothing). The forward pass runs in evaluation mode (dropout off, running statistics used and not
/// updated), so no parameter or statistic changes; afterwards every module is back in the mode it was in. Its outputs
/// stay in the modules' output buffers, as after any forward pass.
/// </remarks>
public static class ModelSummaryExtensions
{
    /// <summary>Runs <paramref name="model"/> once on zeros of <paramref name="inputShape"/> and returns its layer table.</summary>
    /// <param name="model">The model.</param>
    /// <param name="inputShape">The input's sizes as the model takes them, a batch dimension included if it needs one
    /// (e.g. <c>1, 28, 28</c> for LeNet-5's one image, <c>4, 3, 32, 32</c> for a batch of four colour images).</param>
    /// <exception cref="ArgumentException">The shape is empty or has a size below 1, or the model rejects such an input
    /// (the message then names the layer, what it expected and what it got).</exception>
    public static ModelSummary Summarize<T>(this Module<T> model, params int[] inputShape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length == 0 || inputShape.Any(size => size < 1))
            throw new ArgumentException($"expected the input's sizes, each at least 1 (the batch dimension included if the model takes batches), got {Shape.Format(inputShape)}", nameof(inputShape));
        return Run(model, new Tensor<T>(inputShape), nameof(inputShape));
    }

    /// <summary>Runs <paramref name="model"/> once on <paramref name="input"/> (a tensor, or a table for a model of
    /// several inputs) and returns its layer table.</summary>
    /// <exception cref="ArgumentException">The model rejects the input (the message names the layer, what it expected and what it got).</exception>
    public static ModelSummary Summarize<T>(this Module<T> model, IActivity input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(input);
        return Run(model, input, nameof(input));
    }

    private static ModelSummary Run<T>(Module<T> model, IActivity input, string argument) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var modes = ModuleInspection.PreOrder(model).Select(m => (Module: m, m.IsTraining)).ToList();
        model.Evaluate();
        try
        {
            model.Forward(input);
        }
        catch (LayerException e)
        {
            throw new ArgumentException($"the model cannot take an input of shape {ShapeText.Of(input)}: {e.Message}", argument, e);
        }
        finally
        {
            // Parents first: a container's Training()/Evaluate() sets its children, which then get their own mode back.
            foreach (var (module, training) in modes)
            {
                if (training) module.Training();
                else module.Evaluate();
            }
        }
        return ModelSummary.Of(model);
    }
}
