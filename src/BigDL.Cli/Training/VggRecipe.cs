using BigDL.DataSets;
using BigDL.Models;
using BigDL.NN;

namespace BigDL.Cli.Training;

/// <summary>BigDL's VGG example for CIFAR-10 (binary format), with its random crop and flip for training.</summary>
internal sealed class VggRecipe : Recipe
{
    private BGRImgNormalizer? _normalizer;
    private ByteRecord[]? _train;

    public override string Name => "vgg";

    public override string DataDescription => "CIFAR-10 binary files (data_batch_1.bin … data_batch_5.bin, test_batch.bin)";

    public override int DefaultBatchSize => 128;

    public override double DefaultLearningRate => 0.01;

    public override double DefaultMomentum => 0.9;

    public override double DefaultWeightDecay => 5e-4;

    public override int DefaultMaxEpoch => 90;

    public override Module<float> Model() => VggForCifar10.Create<float>(10, hasDropout: true);

    public override DataSet<MiniBatch<float>> TrainSet(string folder, int batchSize, ulong seed) =>
        Images(TrainRecords(folder), folder, seed)
            .Transform(new HFlip(0.5))
            .Transform(new BGRImgRdmCropper(cropHeight: 32, cropWidth: 32, padding: 4))
            .Transform(new BGRImgToBatch<float>(batchSize));

    public override DataSet<MiniBatch<float>> TestSet(string folder, int batchSize) =>
        Images(Cifar10.Load(folder, Split.Test), folder, seed: 0).Transform(new BGRImgToBatch<float>(batchSize));

    /// <summary>The training split's records, read once.</summary>
    private ByteRecord[] TrainRecords(string folder) => _train ??= Cifar10.Load(folder, Split.Train);

    private DataSet<LabeledBGRImage> Images(ByteRecord[] records, string folder, ulong seed) =>
        DataSet.Array(records, seed).Transform(new BytesToBGRImg()).Transform(Normalizer(folder));

    /// <summary>Per-channel mean and standard deviation of the training images (computed once, for both splits).</summary>
    private BGRImgNormalizer Normalizer(string folder) =>
        _normalizer ??= BGRImgNormalizer.FromDataSet(DataSet.Array(TrainRecords(folder)).Transform(new BytesToBGRImg()));
}
