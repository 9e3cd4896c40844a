using System.CommandLine;
using System.Globalization;
using BigDL.Cli.Training;
using BigDL.Interop;
using BigDL.Optim;
using Spectre.Console;

namespace BigDL.Cli.Commands;

/// <summary><c>bigdl test lenet|vgg --model file -f folder</c>: a saved model's accuracy on the test split.</summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "lenet or vgg: which data pipeline to use" };
        var file = new Option<string>("--model") { Description = "The saved model (from bigdl train)", Required = true };
        var folder = new Option<string>("--folder", "-f") { Description = "Folder with the data set's files", Required = true };
        var batch = new Option<int>("--batchSize", "-b", "--batch-size") { Description = "Mini-batch size", DefaultValueFactory = _ => 128 };
        var core = new Option<int>("--core") { Description = "Cores to use", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("test", "Measure a saved model's accuracy on a data folder's test split.") { model, file, folder, batch, core };
        command.SetAction(result => Run(result.GetValue(model)!, result.GetValue(file)!, result.GetValue(folder)!, result.GetValue(batch),
            result.GetValue(core), AnsiConsole.Console, Console.Error));
        return command;
    }

    public static int Run(string name, string modelFile, string folder, int batchSize, int cores, IAnsiConsole console, TextWriter error)
    {
        var recipe = Recipe.Named(name);
        string? problem = recipe is null ? $"unknown model '{name}'; choose {string.Join(" or ", Recipe.Names)}"
            : !File.Exists(modelFile) ? $"--model {modelFile}: no such file"
            : !Directory.Exists(folder) ? $"--folder {folder}: no such folder (it must hold {recipe.DataDescription})"
            : batchSize < 1 ? $"--batchSize must be at least 1, got {batchSize}"
            : cores < 1 ? $"--core must be at least 1, got {cores}"
            : null;
        if (problem is not null)
        {
            error.WriteLine($"bigdl test: {problem}");
            return 2;
        }
        try
        {
            Engine.Init(1, cores);
            var model = ModelFile.Load<float>(modelFile);
            var results = model.Evaluate(recipe!.TestSet(folder, batchSize), new Top1Accuracy<float>(), new Top5Accuracy<float>());
            foreach (var (method, result) in results)
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{method.Name}: {result}");
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Top1Accuracy: {results[0].Result.Result.Value:F4}"));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            error.WriteLine($"bigdl test: {e.Message.ReplaceLineEndings(" ")}");
            return 1;
        }
    }
}
