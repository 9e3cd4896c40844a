using System.Diagnostics;
using System.Globalization;
using System.Text;
using BigDL.Visualization;

namespace BigDL.Tests.Visualization;

/// <summary>
/// Reads our event files with Google's protobuf runtime for Python (Debian's python3-protobuf, which build.sh
/// installs) through read_events.py, which also checks both record checksums with its own CRC-32C. These tests fail,
/// never skip, when /usr/bin/python3 or the module is missing.
/// </summary>
public class PythonEventReaderTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public void ReadEventsPy_FileFromTrainSummary_SeesEveryScalarBitForBit()
    {
        using var temp = new TempDirectory();
        (string Tag, double Value, long Step)[] written =
        [
            ("Loss", 2.302585, 1),
            ("Loss", 0.0, 0),
            ("LearningRate", -0.125, 1L << 40),
            ("Throughput", double.PositiveInfinity, 7),
            ("Top1 Accuracy", 0.1, -3),
            ("Verlust-Ü", 1e-30, long.MaxValue),
        ];
        string path;
        using (var summary = new TrainSummary(temp.Path, "python"))
        {
            foreach (var (tag, value, step) in written) summary.AddScalar(tag, value, step);
            path = Assert.Single(Directory.GetFiles(summary.Folder));
        }
        var wallTimes = EventReader.ReadEvents(path).Skip(1).Select(e => e.WallTime).ToArray();

        var (exit, stdout, stderr) = RunReader(path);

        Assert.True(exit == 0, $"read_events.py exited with {exit}: {stderr}");
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("version\tbrain.Event:2", lines[0]);
        Assert.Equal(written.Length + 1, lines.Length);
        for (int i = 0; i < written.Length; i++)
        {
            string[] f = lines[i + 1].Split('\t');
            Assert.Equal(5, f.Length);
            Assert.Equal("scalar", f[0]);
            Assert.Equal(written[i].Tag, f[1]);
            Assert.Equal(written[i].Step, long.Parse(f[2], CultureInfo.InvariantCulture));
            Assert.Equal(BitConverter.SingleToUInt32Bits((float)written[i].Value).ToString("x8"), f[3]);
            Assert.Equal(wallTimes[i], double.Parse(f[4], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void ReadEventsPy_CorruptedByte_IsCaughtByItsOwnChecksum()
    {
        // Shows the oracle checks CRCs: without this, a wrong checksum of ours could pass unnoticed.
        using var temp = new TempDirectory();
        string path;
        using (var writer = new EventWriter(temp.Path))
        {
            writer.AddScalar("Loss", 1f, 1);
            path = writer.FilePath;
        }
        byte[] bytes = File.ReadAllBytes(path);
        bytes[^6] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var (exit, _, stderr) = RunReader(path);

        Assert.NotEqual(0, exit);
        Assert.Contains("data checksum mismatch", stderr);
    }

    private static (int Exit, string Stdout, string Stderr) RunReader(string eventFile)
    {
        string script = Path.Combine(AppContext.BaseDirectory, "Visualization", "read_events.py");
        Assert.True(File.Exists(script), $"missing {script}");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(eventFile);
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "read_events.py did not finish within 60 s");
        return (process.ExitCode, stdout, stderr.Result);
    }
}
