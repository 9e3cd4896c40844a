using BigDL.Interop;
using BigDL.Models;
using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.Interop;

/// <summary>
/// Saving and loading whole models: every zoo model comes back printing and computing the same, across precisions;
/// bad files fail naming file and offset; writes are atomic. (Every single module's round trip is in
/// GradientCatalogTests.)
/// </summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bigdl-modelfile-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> ZooModels => ["LeNet5", "VggForCifar10", "ResNet20", "InceptionV1 auxiliary", "SimpleRnn", "Autoencoder", "TextClassifier"];

    private static (Module<float> Model, Tensor<float> Input) Zoo(string name)
    {
        var random = new RandomGenerator(11);
        return name switch
        {
            "LeNet5" => (LeNet5.Create<float>(10), Tensor<float>.Rand(random, 2, 784)),
            "VggForCifar10" => (VggForCifar10.Create<float>(10, hasDropout: true), Tensor<float>.Rand(random, 2, 3, 32, 32)),
            "ResNet20" => (ResNet.Cifar10<float>(10, 20, ShortcutType.A), Tensor<float>.Rand(random, 2, 3, 32, 32)),
            "InceptionV1 auxiliary" => (InceptionV1.CreateWithAuxiliaryClassifiers<float>(10), Tensor<float>.Rand(random, 1, 3, 224, 224)),
            "SimpleRnn" => (SimpleRnn.Create<float>(inputSize: 20, hiddenSize: 8, outputSize: 20), Tensor<float>.Rand(random, 2, 5).Mul(19).Floor()),
            "Autoencoder" => (Autoencoder.Create<float>(32), Tensor<float>.Rand(random, 2, 784)),
            "TextClassifier" => (TextClassifier.Create<float>(classNum: 4, embeddingDim: 16, sequenceLength: 160), Tensor<float>.Rand(random, 2, 160, 16)),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    [Theory]
    [MemberData(nameof(ZooModels))]
    public void ZooModel_SavedAndLoaded_PrintsAndComputesTheSame(string name)
    {
        var (model, input) = Zoo(name);
        model.Evaluate();
        string path = Path.Combine(_folder, "model.bigdl");
        model.SaveModule(path);
        var loaded = ModelFile.Load<float>(path);
        Assert.Equal(model.ToString(), loaded.ToString());
        Assert.Equal(model.ParameterCount(), loaded.ParameterCount());
        var expected = GradientCheckerLeaves(model.Forward(input));
        var actual = GradientCheckerLeaves(loaded.Forward(input));
        for (int i = 0; i < expected.Count; i++) Assert.True(expected[i].AlmostEqual(actual[i], 0), $"{name}: output {i} differs");
    }

    [Fact]
    public void Load_InTheOtherPrecision_ConvertsTheWeights()
    {
        var model = LeNet5.Create<float>(10);
        model.Evaluate();
        string path = Path.Combine(_folder, "lenet.bigdl");
        ModelFile.Save(model, path);
        var asDouble = ModelFile.Load<double>(path);
        var input = Tensor<float>.Rand(new RandomGenerator(2), 3, 784);
        var expected = (Tensor<float>)model.Forward(input);
        var doubleInput = new Tensor<double>(input.Size());
        for (int i = 0; i < input.NElement(); i++) doubleInput.AsSpan()[i] = input.AsSpan()[i];
        var actual = (Tensor<double>)asDouble.Evaluate().Forward(doubleInput);
        for (int i = 0; i < expected.NElement(); i++) Assert.Equal(expected.AsSpan()[i], actual.AsSpan()[i], 1e-4);
    }

    [Fact]
    public void Save_ExistingFileWithoutOverwrite_ThrowsAndKeepsIt()
    {
        string path = Path.Combine(_folder, "model.bigdl");
        File.WriteAllText(path, "keep me");
        var e = Assert.Throws<IOException>(() => new Linear<float>(2, 2).SaveModule(path));
        Assert.Contains("overwrite", e.Message);
        Assert.Equal("keep me", File.ReadAllText(path));
        new Linear<float>(2, 2).SaveModule(path, overwrite: true);
        Assert.Equal("nn.Linear(2 -> 2)", ModelFile.Load<float>(path).ToString());
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public void Load_NotABigDLFile_ThrowsNamingFileAndOffset()
    {
        string path = Path.Combine(_folder, "junk.bigdl");
        File.WriteAllText(path, "this is not a model file at all");
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load<float>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("byte 0", e.Message);
    }

    [Fact]
    public void Load_TruncatedFile_ThrowsNamingTheTensorThatDoesNotFit()
    {
        string path = Path.Combine(_folder, "model.bigdl");
        new Linear<float>(30, 20).SaveModule(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^100]);
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load<float>(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
        Assert.Contains("[20, 30]", e.Message);
    }

    [Fact]
    public void Load_NewerFormatVersion_ThrowsSayingWhichVersionsAreRead()
    {
        string path = Path.Combine(_folder, "model.bigdl");
        new Linear<float>(3, 2).SaveModule(path);
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => ModelFile.Load<float>(path));
        Assert.Contains("version 99", e.Message);
        Assert.Contains("byte 8", e.Message);
    }

    [Fact]
    public void Save_ModuleWithADelegate_ThrowsNamingTheModule()
    {
        // A functional graph node around a custom module that keeps a delegate: the convention cannot describe it.
        var e = Assert.Throws<NotSupportedException>(() => new WithDelegate(x => x).SaveModule(Path.Combine(_folder, "x.bigdl")));
        Assert.Contains("WithDelegate", e.Message);
        Assert.Contains("delegate", e.Message);
    }

    [Fact]
    public void GoldenFileOfVersion1_StillLoadsAndComputesItsRecordedOutput()
    {
        // tests/BigDL.Tests/Interop/golden/mlp-v1.bigdl was written by this build's first format version from
        //   RandomGenerator.Default.SetSeed(1); new Sequential<float>().Add(new Linear<float>(4, 3).SetName("fc1"))
        //     .Add(new BatchNormalization<float>(3)).Add(new Tanh<float>()).Add(new Linear<float>(3, 2))
        // after one training forward of Tensor<float>.Range(0, 7).View(2, 4) (moving the running statistics), then Evaluate().
        // The numbers below are that model's evaluation output for the same input, recorded when the file was written.
        string path = Path.Combine(AppContext.BaseDirectory, "Interop", "golden", "mlp-v1.bigdl");
        var model = ModelFile.Load<float>(path);
        Assert.Equal("fc1", ((Sequential<float>)model).Modules[0].GetName());
        Assert.False(model.IsTraining);
        var output = (Tensor<float>)model.Forward(Tensor<float>.Range(0, 7).View(2, 4));
        Assert.Equal(GoldenOutput, output.Contiguous().AsSpan().ToArray(), new FloatTolerance(1e-6f));
    }

    private static readonly float[] GoldenOutput = [-0.15470012f, -0.16968563f, -0.4164309f, -0.42174727f];

    private static List<Tensor<float>> GradientCheckerLeaves(BigDL.Tensors.IActivity activity) =>
        activity is Tensor<float> t ? [t.Clone()] : [.. ((Table)activity).Select(a => (Tensor<float>)a).Select(x => x.Clone())];

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(float obj) => 0;
    }

    /// <summary>A custom module that keeps a delegate, which the file format cannot describe.</summary>
    public sealed class WithDelegate(Func<float, float> f) : TensorModule<float>
    {
        public Func<float, float> F { get; } = f;

        protected override Tensor<float> UpdateOutput(Tensor<float> input) => input;

        protected override Tensor<float> UpdateGradInput(Tensor<float> input, Tensor<float> gradOutput) => gradOutput;
    }
}
