using BigDL.DataSets;
using BigDL.NN;

namespace BigDL.Cli.Training;

/// <summary>
/// What <c>bigdl train</c> and <c>bigdl test</c> need to know about one of BigDL's example models: its defaults, the
/// model, and its data pipelines (normalised with statistics of the training split, as both commands compute them).
/// </summary>
internal abstract class Recipe
{
    /// <summary>The name on the command line: <c>lenet</c>, <c>vgg</c>.</summary>
    public abstract string Name { get; }

    /// <summary>What the data folder must hold, for messages.</summary>
    public abstract string DataDescription { get; }

    public abstract int DefaultBatchSize { get; }

    public abstract double DefaultLearningRate { get; }

    public abstract double DefaultMomentum { get; }

    public abstract double DefaultWeightDecay { get; }

    public abstract int DefaultMaxEpoch { get; }

    /// <summary>A fresh model for 10 classes.</summary>
    public abstract Module<float> Model();

    /// <summary>The training split: shuffled per epoch (seeded), augmented where the recipe augments, batched.</summary>
    public abstract DataSet<MiniBatch<float>> TrainSet(string folder, int batchSize, ulong seed);

    /// <summary>The test split, batched, in stored order.</summary>
    public abstract DataSet<MiniBatch<float>> TestSet(string folder, int batchSize);

    /// <summary>The recipe named <paramref name="name"/>, or null.</summary>
    public static Recipe? Named(string name) => name.ToLowerInvariant() switch
    {
        "lenet" => new LeNetRecipe(),
        "vgg" => new VggRecipe(),
        _ => null,
    };

    /// <summary>The names recipes go by.</summary>
    public static IReadOnlyList<string> Names { get; } = ["lenet", "vgg"];
}
