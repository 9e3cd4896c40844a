using BigDL.DataSets;
using BigDL.Models;
using BigDL.NN;

namespace BigDL.Cli.Training;

/// <summary>BigDL's LeNet-5 example on an MNIST-format folder (Fashion-MNIST works as is).</summary>
internal sealed class LeNetRecipe : Recipe
{
    private GreyImgNormalizer? _normalizer;
    private ByteRecord[]? _train;

    public override string Name => "lenet";

    public override string DataDescription => "MNIST IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-…)";

    public override int DefaultBatchSize => 128;

    public override double DefaultLearningRate => 0.05;

    public override double DefaultMomentum => 0;

    public override double DefaultWeightDecay => 0;

    public override int DefaultMaxEpoch => 15;

    public override Module<float> Model() => LeNet5.Create<float>(10);

    public override DataSet<MiniBatch<float>> TrainSet(string folder, int batchSize, ulong seed) =>
        Images(TrainRecords(folder), folder, seed).Transform(new GreyImgToBatch<float>(batchSize));

    public override DataSet<MiniBatch<float>> TestSet(string folder, int batchSize) =>
        Images(Mnist.Load(folder, Split.Test), folder, seed: 0).Transform(new GreyImgToBatch<float>(batchSize));

    /// <summary>The training split's records, read once.</summary>
    private ByteRecord[] TrainRecords(string folder) => _train ??= Mnist.Load(folder, Split.Train);

    private DataSet<LabeledGreyImage> Images(ByteRecord[] records, string folder, ulong seed) =>
        DataSet.Array(records, seed).Transform(new BytesToGreyImg(28, 28)).Transform(Normalizer(folder));

    /// <summary>Mean and standard deviation of the training images (computed once, for both splits).</summary>
    private GreyImgNormalizer Normalizer(string folder) =>
        _normalizer ??= GreyImgNormalizer.FromDataSet(DataSet.Array(TrainRecords(folder)).Transform(new BytesToGreyImg(28, 28)));
}
