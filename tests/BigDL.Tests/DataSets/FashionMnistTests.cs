using BigDL.DataSets;

namespace BigDL.Tests.DataSets;

/// <summary>
/// The real Fashion-MNIST files of Debian's dataset-fashion-mnist package, which build.sh installs. These tests fail,
/// never skip, when the files are missing.
/// </summary>
public sealed class FashionMnistTests : IDisposable
{
    private const string Folder = "/usr/share/datasets/fashion-mnist";
    private readonly DataFiles _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public void Files_AreTheFourGzipFilesOfTheDebianPackage()
    {
        Assert.Equal((Path.Combine(Folder, "train-images-idx3-ubyte.gz"), Path.Combine(Folder, "train-labels-idx1-ubyte.gz")), Mnist.Files(Folder, Split.Train));
        Assert.Equal((Path.Combine(Folder, "t10k-images-idx3-ubyte.gz"), Path.Combine(Folder, "t10k-labels-idx1-ubyte.gz")), Mnist.Files(Folder, Split.Test));
    }

    [Fact]
    public void Load_Train_Has60000ImagesOf28x28WithBalancedLabels()
    {
        var records = Mnist.Load(Folder, Split.Train);
        Assert.Equal(60000, records.Length);
        Assert.All(records, r => Assert.Equal(784, r.Data.Length));
        Assert.Equal([9f, 0f, 0f, 3f, 0f, 2f, 7f, 2f, 5f, 5f, 0f, 9f], records.Take(12).Select(r => r.Label));
        Assert.Equal(Enumerable.Repeat(6000, 10), records.CountBy(r => r.Label).OrderBy(g => g.Key).Select(g => g.Value));
        Assert.Equal(76247, records[0].Data.Sum(b => b));
        Assert.Equal(0, records.Min(r => r.Data.Min()));
        Assert.Equal(255, records.Max(r => r.Data.Max()));
    }

    [Fact]
    public void Load_Test_Has10000ImagesWithTheirFirstLabels()
    {
        var records = Mnist.Load(Folder, Split.Test);
        Assert.Equal(10000, records.Length);
        Assert.Equal([9f, 2f, 1f, 1f, 6f, 1f, 4f, 6f, 5f, 7f, 4f, 5f], records.Take(12).Select(r => r.Label));
        Assert.Equal(Enumerable.Repeat(1000, 10), records.CountBy(r => r.Label).OrderBy(g => g.Key).Select(g => g.Value));
        Assert.Equal(33456, records[0].Data.Sum(b => b));
    }

    [Fact]
    public void Open_Train_StreamsThePipelineOfTheReadme()
    {
        var images = Mnist.Open(Folder, Split.Train, cacheFolder: _cache.Cache, seed: 1).Transform(new BytesToGreyImg(28, 28));
        var normalizer = GreyImgNormalizer.FromDataSet(images);
        // Mean and population standard deviation of all 47 040 000 training pixels / 255.
        Assert.Equal(0.2860406, normalizer.Mean, 6);
        Assert.Equal(0.3530242, normalizer.Std, 6);
        var batches = images.Transform(normalizer).Transform(new GreyImgToBatch<float>(128));
        batches.Shuffle(1);
        int count = 0, last = 0;
        foreach (var batch in batches.Data(train: true))
        {
            if (count++ == 0)
            {
                Assert.Equal([128, 28, 28], batch.Input.Size());
                Assert.InRange(batch.Input.Min(), (0 - normalizer.Mean) / normalizer.Std - 1e-5, 0);
                Assert.InRange(batch.Input.Max(), 0, (1 - normalizer.Mean) / normalizer.Std + 1e-5);
                Assert.All(batch.Target.AsSpan().ToArray(), label => Assert.InRange(label, 0f, 9f));
            }
            last = batch.Size;
        }
        Assert.Equal(469, count);
        Assert.Equal(60000 - 468 * 128, last);
    }
}
