using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using BigDL.Cli.Training;
using BigDL.Interop;
using BigDL.NN;
using BigDL.Optim;
using Spectre.Console;

namespace BigDL.Cli.Commands;

/// <summary>
/// <c>bigdl train lenet|vgg -f folder …</c>: BigDL's getting-started training examples — the model trained on all local
/// cores with the local optimizer, validated on the test split every epoch, saved at the end, with a progress display
/// and a summary (Top1Accuracy, time, images/s).
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "lenet (MNIST-format data) or vgg (CIFAR-10 binary data)" };
        var folder = new Option<string>("--folder", "-f") { Description = "Folder with the data set's files", Required = true };
        var batch = new Option<int?>("--batchSize", "-b", "--batch-size") { Description = "Mini-batch size (lenet 128, vgg 128)" };
        var core = new Option<int>("--core") { Description = "Cores to train on", DefaultValueFactory = _ => Environment.ProcessorCount };
        var node = new Option<int>("--node") { Description = "Worker processes to train on, each with --core cores (1: train in this process)", DefaultValueFactory = _ => 1 };
        var env = new Option<string>("--env") { Description = "local, or spark", DefaultValueFactory = _ => "local" };
        var maxEpoch = new Option<int?>("--maxEpoch", "-e", "--max-epoch") { Description = "Epochs to train (lenet 15, vgg 90)" };
        var optim = new Option<string>("--optim") { Description = $"Optim method: {string.Join(", ", OptimMethods.Names)}", DefaultValueFactory = _ => "sgd" };
        var learningRate = new Option<double?>("--learningRate", "-r", "--learning-rate") { Description = "Learning rate (lenet 0.05, vgg 0.01)" };
        var momentum = new Option<double?>("--momentum") { Description = "SGD momentum, undamped (lenet 0, vgg 0.9)" };
        var weightDecay = new Option<double?>("--weightDecay", "--weight-decay") { Description = "L2 weight decay (lenet 0, vgg 5e-4)" };
        var learningRateDecay = new Option<double>("--learningRateDecay", "-d", "--learning-rate-decay") { Description = "Learning-rate decay", DefaultValueFactory = _ => 0 };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Folder for a checkpoint after every epoch" };
        var overwrite = new Option<bool>("--overWrite", "--overwrite") { Description = "Overwrite one checkpoint file instead of keeping one per epoch" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the newest checkpoint in --checkpoint" };
        var output = new Option<string?>("--output", "-o") { Description = "Where to save the trained model (default <model>.bigdl)" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of weights and shuffling", DefaultValueFactory = _ => 1 };
        var summary = new Option<string?>("--summary") { Description = "Folder for TensorBoard summaries" };
        var command = new Command("train", "Train one of BigDL's example models on a data folder.")
        {
            model, folder, batch, core, node, env, maxEpoch, optim, learningRate, momentum, weightDecay, learningRateDecay,
            checkpoint, overwrite, resume, output, seed, summary,
        };
        command.SetAction(result => Run(new TrainRequest(
            result.GetValue(model)!, result.GetValue(folder)!, result.GetValue(batch), result.GetValue(core), result.GetValue(node),
            result.GetValue(env)!, result.GetValue(maxEpoch), result.GetValue(optim)!, result.GetValue(learningRate), result.GetValue(momentum),
            result.GetValue(weightDecay), result.GetValue(learningRateDecay), result.GetValue(checkpoint), result.GetValue(overwrite),
            result.GetValue(resume), result.GetValue(output), result.GetValue(seed), result.GetValue(summary)), AnsiConsole.Console, Console.Error));
        return command;
    }

    /// <summary>What <c>bigdl train</c> was asked to do.</summary>
    internal sealed record TrainRequest(string Model, string Folder, int? BatchSize, int Core, int Node, string Env, int? MaxEpoch,
        string Optim, double? LearningRate, double? Momentum, double? WeightDecay, double LearningRateDecay, string? Checkpoint,
        bool Overwrite, bool Resume, string? Output, ulong Seed, string? Summary);

    /// <summary>Trains; returns 0, 1 (training failed) or 2 (bad arguments), with a one-line message on <paramref name="error"/>.</summary>
    public static int Run(TrainRequest request, IAnsiConsole console, TextWriter error)
    {
        var recipe = Recipe.Named(request.Model);
        string? problem = recipe is null ? $"unknown model '{request.Model}'; choose {string.Join(" or ", Recipe.Names)}"
            : Problem(request, recipe);
        if (problem is not null)
        {
            error.WriteLine($"bigdl train: {problem}");
            return 2;
        }
        int batchSize = request.BatchSize ?? recipe!.DefaultBatchSize, maxEpoch = request.MaxEpoch ?? recipe!.DefaultMaxEpoch;
        var method = OptimMethods.Create(request.Optim, request.LearningRate ?? recipe!.DefaultLearningRate, request.Momentum ?? recipe!.DefaultMomentum,
            request.WeightDecay ?? recipe!.DefaultWeightDecay, request.LearningRateDecay)!;
        var engine = Engine.Configuration;
        try
        {
            Engine.Init(request.Node, request.Core);
            RandomGenerator.Default.SetSeed(request.Seed);
            var train = recipe!.TrainSet(request.Folder, batchSize, request.Seed);
            var test = recipe.TestSet(request.Folder, batchSize);
            var model = recipe.Model();
            var optimizer = Optimizer.Create(model, train, new ClassNLLCriterion<float>())
                .SetOptimMethod(method)
                .SetEndWhen(Trigger.MaxEpoch(maxEpoch))
                .SetValidation(Trigger.EveryEpoch, test, new Top1Accuracy<float>());
            if (request.Checkpoint is { } folder)
            {
                optimizer.SetCheckpoint(folder, Trigger.EveryEpoch, request.Overwrite);
                if (request.Resume)
                {
                    string latest = CheckpointFile.Latest(folder) ?? throw new FileNotFoundException($"--resume: no checkpoint in {Path.GetFullPath(folder)}");
                    optimizer.ResumeFrom(latest);
                    console.MarkupLineInterpolated($"Resuming from {latest}");
                }
            }
            using var trainSummary = request.Summary is null ? null : new BigDL.Visualization.TrainSummary(request.Summary, recipe.Name);
            using var validationSummary = request.Summary is null ? null : new BigDL.Visualization.ValidationSummary(request.Summary, recipe.Name);
            if (trainSummary is not null) optimizer.SetTrainSummary(trainSummary).SetValidationSummary(validationSummary!);

            console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"Training {recipe.Name} ({model.ParameterCount():N0} parameters) on {train.Size:N0} images, batch {batchSize}, {maxEpoch} epochs, {Where()}, {method}");
            var display = new TrainingConsole(console, maxEpoch);
            BigDL.Optim.ValidationResult? accuracy = null;
            long records = 0;
            var clock = Stopwatch.StartNew();
            using var subscription = optimizer.Subscribe(display);
            using var results = optimizer.Subscribe(e =>
            {
                if (e is ValidationCompleted v) accuracy = v.Results[0].Result;
                if (e is TrainingCompleted done) records = done.Records;
            });
            using var interrupt = new CancellationTokenSource();
            ConsoleCancelEventHandler stop = (_, args) => { args.Cancel = true; interrupt.Cancel(); };
            Console.CancelKeyPress += stop;
            try
            {
                display.Run(() => optimizer.Optimize(interrupt.Token));
            }
            finally
            {
                Console.CancelKeyPress -= stop;
            }
            double seconds = clock.Elapsed.TotalSeconds;
            string path = request.Output ?? $"{recipe.Name}.bigdl";
            model.SaveModule(path, overwrite: true);
            var table = new Table().AddColumns("", "");
            table.AddRow("Top1Accuracy", accuracy is AccuracyResult a ? string.Create(CultureInfo.InvariantCulture, $"{a.Accuracy:F4} ({a.Correct} / {a.Count})") : "(not validated)");
            table.AddRow("Training time", string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s"));
            table.AddRow("Throughput", string.Create(CultureInfo.InvariantCulture, $"{records / Math.Max(seconds, 1e-9):N0} images/s"));
            table.AddRow("Model", Markup.Escape(Path.GetFullPath(path)));
            console.Write(table);
            // One plain line for scripts and logs, whatever the console.
            if (accuracy is AccuracyResult result) console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Top1Accuracy: {result.Accuracy:F4}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException
            or UnauthorizedAccessException or BigDL.Distributed.Cluster.WorkerFailedException)
        {
            error.WriteLine($"bigdl train: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
        finally
        {
            Engine.Init(engine.NodeNumber, engine.CoreNumber);
        }
    }

    /// <summary>Where training runs: this process's cores, or worker processes (<c>--node</c> above 1).</summary>
    private static string Where() => Engine.NodeNumber > 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Engine.NodeNumber} worker processes × {Engine.CoreNumber} cores")
        : string.Create(CultureInfo.InvariantCulture, $"{Engine.CoreNumber} cores");

    /// <summary>What is wrong with the request's arguments, or null.</summary>
    private static string? Problem(TrainRequest r, Recipe recipe)
    {
        if (!Directory.Exists(r.Folder)) return $"--folder {r.Folder}: no such folder (it must hold {recipe.DataDescription})";
        if (r.BatchSize is < 1) return $"--batchSize must be at least 1, got {r.BatchSize}";
        if (r.MaxEpoch is < 1) return $"--maxEpoch must be at least 1, got {r.MaxEpoch}";
        if (r.Core < 1) return $"--core must be at least 1, got {r.Core}";
        if (r.Node < 1) return $"--node must be at least 1, got {r.Node}";
        if (r.Env.ToLowerInvariant() is "spark") return "--env spark: the Spark backend is not in this build yet; use --env local";
        if (r.Env.ToLowerInvariant() is not "local") return $"--env must be local or spark, got '{r.Env}'";
        if (!OptimMethods.Names.Contains(r.Optim.ToLowerInvariant())) return $"--optim {r.Optim}: choose one of {string.Join(", ", OptimMethods.Names)}";
        if (r.LearningRate is <= 0) return $"--learningRate must be positive, got {r.LearningRate}";
        if (r.Momentum is < 0 or >= 1) return $"--momentum must be in [0, 1), got {r.Momentum}";
        if (r.Resume && r.Checkpoint is null) return "--resume needs --checkpoint <folder>";
        return null;
    }
}
