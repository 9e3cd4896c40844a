using System.Globalization;
using BigDL.Cli.Commands;
using Spectre.Console;

namespace BigDL.Cli.Tests;

/// <summary>
/// <c>bigdl train</c> and <c>bigdl test</c> end to end: LeNet-5 reaches a real accuracy on the real Fashion-MNIST files
/// (installed by build.sh), VGG learns from CIFAR-format files written here, bad arguments end in one line.
/// </summary>
[Collection(EngineSettings.Name)]
public sealed class TrainAndTestCommandTests : IDisposable
{
    private const string FashionMnist = "/usr/share/datasets/fashion-mnist";
    private readonly string _folder = Directory.CreateTempSubdirectory("bigdl-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (IAnsiConsole Console, StringWriter Text) Console()
    {
        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = 200;
        return (console, text);
    }

    private TrainCommand.TrainRequest Request(string model, string folder, int maxEpoch, int? batch = null, double? momentum = null,
        string? checkpoint = null, bool resume = false, string env = "local", int node = 1) =>
        new(model, folder, batch, Core: 2, node, env, maxEpoch, "sgd", LearningRate: null, momentum, WeightDecay: null, 0, checkpoint,
            Overwrite: false, resume, Path.Combine(_folder, $"{model}.bigdl"), Seed: 1, Summary: null);

    [Fact]
    public void TrainLeNet_OneEpochOnFashionMnist_ReachesARealAccuracyThatTestReproduces()
    {
        var (console, text) = Console();
        var error = new StringWriter();
        int code = TrainCommand.Run(Request("lenet", FashionMnist, maxEpoch: 1, batch: 128, momentum: 0.9), console, error);
        Assert.True(code == 0, error.ToString());
        string output = text.ToString();
        // TorchSharp, same model and data, SGD lr 0.05 with momentum 0.9: 0.86 after one epoch (peers/README.md).
        double accuracy = AccuracyIn(output, "Top1Accuracy");
        Assert.InRange(accuracy, 0.83, 1.0);
        Assert.Contains("Epoch 1/1: loss", output);
        Assert.Contains("images/s", output);

        var (testConsole, testText) = Console();
        Assert.Equal(0, TestCommand.Run("lenet", Path.Combine(_folder, "lenet.bigdl"), FashionMnist, 500, 2, testConsole, error));
        Assert.Equal(accuracy, AccuracyIn(testText.ToString(), "Top1Accuracy"), 6);
        Assert.Contains("Top5Accuracy", testText.ToString());
    }

    [Fact]
    public void TrainVgg_OnCifarFormatFiles_LossFallsAndCheckpointsResume()
    {
        WriteCifar(_folder, records: 128);
        var (console, text) = Console();
        var error = new StringWriter();
        string checkpoints = Path.Combine(_folder, "checkpoints");
        int code = TrainCommand.Run(Request("vgg", _folder, maxEpoch: 2, batch: 32, checkpoint: checkpoints), console, error);
        Assert.True(code == 0, error.ToString());
        var losses = text.ToString().Split('\n').Where(l => l.StartsWith("Epoch ", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split("loss ")[1].Split(',')[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(2, losses.Length);
        Assert.True(losses[1] < losses[0], $"losses per epoch {string.Join(", ", losses)} did not fall");
        Assert.Equal(2, Directory.GetFiles(checkpoints, "checkpoint.*.bigdl").Length);

        var (resumed, resumedText) = Console();
        Assert.Equal(0, TrainCommand.Run(Request("vgg", _folder, maxEpoch: 3, batch: 32, checkpoint: checkpoints, resume: true), resumed, error));
        Assert.Contains("Resuming from", resumedText.ToString());
        Assert.Contains("Epoch 3/3", resumedText.ToString());
        Assert.DoesNotContain("Epoch 1/3", resumedText.ToString());
    }

    [Theory]
    [InlineData("resnet", "/tmp", "unknown model 'resnet'")]
    [InlineData("lenet", "/no/such/folder", "--folder /no/such/folder: no such folder")]
    public void Train_BadArguments_EndInOneLineAndExitCodeTwo(string model, string folder, string message)
    {
        var (console, _) = Console();
        var error = new StringWriter();
        Assert.Equal(2, TrainCommand.Run(Request(model, folder, 1), console, error));
        Assert.Contains(message, error.ToString());
        Assert.Single(error.ToString().Trim().Split('\n'));
    }

    [Fact]
    public void Train_BatchZeroSparkOrNoNode_AreRefusedClearly()
    {
        var (console, _) = Console();
        var error = new StringWriter();
        Assert.Equal(2, TrainCommand.Run(Request("lenet", FashionMnist, 1, batch: 0), console, error));
        Assert.Equal(2, TrainCommand.Run(Request("lenet", FashionMnist, 1, env: "spark"), console, error));
        Assert.Equal(2, TrainCommand.Run(Request("lenet", FashionMnist, 1, node: 0), console, error));
        string text = error.ToString();
        Assert.Contains("--batchSize must be at least 1, got 0", text);
        Assert.Contains("--env spark", text);
        Assert.Contains("--node must be at least 1, got 0", text);
    }

    [Fact]
    public void TrainLeNet_OnTwoWorkerProcesses_ReachesARealAccuracyAndLeavesTheEngineLocal()
    {
        var (console, text) = Console();
        var error = new StringWriter();
        var before = Engine.Configuration;

        int code = TrainCommand.Run(Request("lenet", FashionMnist, maxEpoch: 1, batch: 128, momentum: 0.9, node: 2), console, error);

        Assert.True(code == 0, error.ToString());
        string output = text.ToString();
        Assert.Contains("2 worker processes × 2 cores", output);
        Assert.InRange(AccuracyIn(output, "Top1Accuracy"), 0.83, 1.0);
        Assert.Equal(before, Engine.Configuration);
    }

    [Fact]
    public void Train_FolderWithoutTheFiles_FailsNamingTheFileItLookedFor()
    {
        var (console, _) = Console();
        var error = new StringWriter();
        Assert.Equal(1, TrainCommand.Run(Request("lenet", _folder, 1), console, error));
        Assert.Contains("train-images-idx3-ubyte", error.ToString());
    }

    private static double AccuracyIn(string output, string name)
    {
        string line = output.Split('\n').Last(l => l.StartsWith(name + ": ", StringComparison.Ordinal));
        string value = line[(name.Length + 2)..].Trim();
        if (value.StartsWith("Accuracy(", StringComparison.Ordinal)) value = value.Split("accuracy: ")[1].TrimEnd(')');
        return double.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>CIFAR-10 binary files of two easy classes: reddish images labelled 0, bluish ones labelled 1.</summary>
    private static void WriteCifar(string folder, int records)
    {
        var random = new Random(3);
        byte[] Records(int count)
        {
            var bytes = new byte[count * 3073];
            for (int r = 0; r < count; r++)
            {
                int label = r % 2;
                bytes[r * 3073] = (byte)label;
                for (int j = 0; j < 3072; j++)
                {
                    int plane = j / 1024; // R, G, B planes
                    int strong = label == 0 ? 0 : 2;
                    bytes[r * 3073 + 1 + j] = (byte)(plane == strong ? 180 + random.Next(60) : random.Next(80));
                }
            }
            return bytes;
        }
        for (int b = 1; b <= 5; b++) File.WriteAllBytes(Path.Combine(folder, $"data_batch_{b}.bin"), Records(records / 5 + (b <= records % 5 ? 1 : 0)));
        File.WriteAllBytes(Path.Combine(folder, "test_batch.bin"), Records(32));
    }
}
