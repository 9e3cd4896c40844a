using System.Globalization;
using System.Numerics;
using BigDL.NN;

namespace BigDL.Interactive.Formatting;

/// <summary>
/// A model's layer table: every module with its name, BigDL type, output shape and parameter count, containers
/// followed by their children, and the totals. A notebook shows it as an HTML table; <see cref="ToString"/> is the
/// same table as text.
/// </summary>
/// <remarks>
/// Keras' <c>model.summary()</c> and torchinfo's <c>summary(model, input_size)</c> for BigDL modules. Get one with
/// <see cref="ModelSummaryExtensions.Summarize{T}(Module{T}, int[])"/>, which runs the model once so every output shape
/// is known; displaying a module shows the same table with the shapes of its last forward pass.
/// </remarks>
public sealed class ModelSummary
{
    private ModelSummary(IReadOnlyList<LayerSummary> layers, long trainable, long nonTrainable)
    {
        Layers = layers;
        TrainableParameters = trainable;
        NonTrainableParameters = nonTrainable;
    }

    /// <summary>The model first (depth 0), then every module inside it, parents before their children.</summary>
    public IReadOnlyList<LayerSummary> Layers { get; }

    /// <summary>Learnable values (what <see cref="Module{T}.ParameterCount"/> counts: shared tensors once).</summary>
    public long TrainableParameters { get; }

    /// <summary>Other values the modules keep, e.g. batch normalisation's running mean and variance.</summary>
    public long NonTrainableParameters { get; }

    /// <summary>Trainable and non-trainable values together.</summary>
    public long TotalParameters => TrainableParameters + NonTrainableParameters;

    /// <summary>The line under the table: total, trainable and non-trainable counts.</summary>
    public string Totals =>
        $"Total parameters: {NumberFormat.Count(TotalParameters)} · trainable: {NumberFormat.Count(TrainableParameters)} · non-trainable: {NumberFormat.Count(NonTrainableParameters)}";

    /// <summary>The layer table as aligned text, then <see cref="Totals"/>.</summary>
    public override string ToString() =>
        TextTable.Format(["#", "Name", "Type", "Output shape", "Parameters"],
            Layers.Select(l => (IReadOnlyList<string>)[l.Index, new string(' ', 2 * l.Depth) + l.Name, l.Type, l.OutputShape, NumberFormat.Count(l.Parameters)]),
            4) + "\n" + Totals;

    /// <summary>The table of <paramref name="model"/> as it stands (output shapes from its last forward pass, if any).</summary>
    internal static ModelSummary Of<T>(Module<T> model) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var layers = new List<LayerSummary>();
        Add(layers, model, "", 0);
        return new ModelSummary(layers, model.ParameterCount(), ModuleInspection.NonTrainableCount(model));
    }

    private static void Add<T>(List<LayerSummary> layers, Module<T> module, string index, int depth) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool expanded = ModuleInspection.IsExpanded(module);
        layers.Add(new LayerSummary(index, depth, module.GetName(), ModuleInspection.TypeText(module),
            ShapeText.Of(ModuleInspection.LastOutput(module)), module.ParameterCount(), expanded));
        if (!expanded) return;
        var children = ModuleInspection.Children(module);
        for (int i = 0; i < children.Count; i++)
        {
            string position = i.ToString(CultureInfo.InvariantCulture);
            Add(layers, children[i], index.Length == 0 ? position : index + "." + position, depth + 1);
        }
    }
}
