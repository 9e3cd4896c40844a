using System.IO.Pipes;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using BigDL.DataSets;
using BigDL.Distributed.Data;
using BigDL.Tensors;

namespace BigDL.Distributed.Tests.Data;

public class ShareStreamTests
{
    private static MiniBatch<T> Batch<T>(Random random, int rows, int[] inputShape, int[] targetShape) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Tensor<T> Filled(int[] sizes)
        {
            var values = new T[Shape.ElementCount(sizes)];
            for (int i = 0; i < values.Length; i++) values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
            return new Tensor<T>(values, sizes);
        }
        return new MiniBatch<T>(Filled([rows, .. inputShape]), Filled([rows, .. targetShape]));
    }

    private static byte[] Written<T>(int[] inputShape, int[] targetShape, IEnumerable<MiniBatch<T>?> shares, bool complete = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var output = new MemoryStream();
        using (var writer = new ShareStreamWriter<T>(output, inputShape, targetShape))
        {
            foreach (var share in shares) writer.Write(share);
            if (complete) writer.Complete();
        }
        return output.ToArray();
    }

    private static List<MiniBatch<T>?> ReadAll<T>(Stream input) where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var reader = new ShareStreamReader<T>(input);
        var shares = new List<MiniBatch<T>?>();
        while (reader.TryRead(out var share)) shares.Add(share);
        Assert.False(reader.TryRead(out _));
        return shares;
    }

    private static void AssertSame<T>(MiniBatch<T>? expected, MiniBatch<T>? actual) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.Input.Size(), actual.Input.Size());
        Assert.Equal(expected.Target.Size(), actual.Target.Size());
        Assert.Equal(expected.Input.Contiguous().AsSpan().ToArray(), actual.Input.AsSpan().ToArray());
        Assert.Equal(expected.Target.Contiguous().AsSpan().ToArray(), actual.Target.AsSpan().ToArray());
    }

    [Fact]
    public void Float_ImagesWithScalarLabels_RoundTrip_IncludingEmptyShares()
    {
        var random = new Random(11);
        var shares = new List<MiniBatch<float>?> { Batch<float>(random, 5, [1, 28, 28], []), null, Batch<float>(random, 1, [1, 28, 28], []) };

        var read = ReadAll<float>(new MemoryStream(Written<float>([1, 28, 28], [], shares)));

        Assert.Equal(3, read.Count);
        for (int i = 0; i < 3; i++) AssertSame(shares[i], read[i]);
        Assert.Equal([5], read[0]!.Target.Size());
    }

    [Fact]
    public void Double_ColourImagesWithOneElementTargets_RoundTrip_FromASliceOfALargerBatch()
    {
        var random = new Random(12);
        var whole = Batch<double>(random, 6, [3, 32, 32], [1]);
        var shares = new List<MiniBatch<double>?> { whole.Slice(2, 3), whole.Slice(0, 1) };

        var read = ReadAll<double>(new MemoryStream(Written<double>([3, 32, 32], [1], shares)));

        Assert.Equal(2, read.Count);
        AssertSame(shares[0], read[0]);
        AssertSame(shares[1], read[1]);
        Assert.Equal([3, 3, 32, 32], read[0]!.Input.Size());
    }

    [Fact]
    public void Schema_NamesTheColumns_TheDType_AndThePerRecordShapes()
    {
        using var reader = new ArrowStreamReader(new MemoryStream(Written<float>([1, 28, 28], [], [null])));

        var schema = reader.Schema;

        Assert.Equal(["input", "target"], schema.FieldsList.Select(f => f.Name));
        var input = Assert.IsType<FixedSizeListType>(schema.FieldsList[0].DataType);
        Assert.Equal((784, ArrowTypeId.Float), (input.ListSize, input.ValueDataType.TypeId));
        Assert.Equal(1, Assert.IsType<FixedSizeListType>(schema.FieldsList[1].DataType).ListSize);
        Assert.Equal("float32", schema.Metadata["bigdl.dtype"]);
        Assert.Equal("1,28,28", schema.Metadata["bigdl.input_shape"]);
        Assert.Equal("", schema.Metadata["bigdl.target_shape"]);
        Assert.Equal(0, reader.ReadNextRecordBatch().Length);
    }

    [Fact]
    public async Task ManyBatches_ThroughAnAnonymousPipe_ArriveInOrder()
    {
        var random = new Random(13);
        var shares = Enumerable.Range(0, 150).Select(i => i % 7 == 3 ? null : Batch<float>(random, 1 + i % 5, [10], [2])).ToList();
        using var server = new AnonymousPipeServerStream(PipeDirection.Out);
        using var client = new AnonymousPipeClientStream(PipeDirection.In, server.ClientSafePipeHandle);

        var writing = Task.Run(() =>
        {
            using var writer = new ShareStreamWriter<float>(server, [10], [2]);
            foreach (var share in shares) writer.Write(share);
            writer.Complete();
        });
        var read = ReadAll<float>(client);
        await writing.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(shares.Count, read.Count);
        for (int i = 0; i < shares.Count; i++) AssertSame(shares[i], read[i]);
    }

    [Fact]
    public void CompletedStreamWithoutBatches_ReadsAsEnded()
        => Assert.Empty(ReadAll<double>(new MemoryStream(Written<double>([4], [], []))));

    [Theory]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100)]
    [InlineData(4000)]
    public void TruncatedStream_ThrowsInvalidData_InsteadOfEndingQuietly(int cut)
    {
        var random = new Random(14);
        var bytes = Written<float>([1, 28, 28], [], [Batch<float>(random, 2, [1, 28, 28], []), Batch<float>(random, 1, [1, 28, 28], [])]);

        using var reader = new ShareStreamReader<float>(new MemoryStream(bytes[..^cut]));
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            while (reader.TryRead(out _))
            {
            }
        });

        Assert.Contains("expected", error.Message);
    }

    [Fact]
    public void StreamEndingAtABatchBoundary_SaysTheEndMarkerIsMissing()
    {
        var bytes = Written<float>([2], [], [Batch<float>(new Random(15), 2, [2], [])], complete: false);

        using var reader = new ShareStreamReader<float>(new MemoryStream(bytes));

        Assert.True(reader.TryRead(out _));
        Assert.Contains("expected Arrow's end-of-stream marker after 1 batches", Assert.Throws<InvalidDataException>(() => reader.TryRead(out _)).Message);
    }

    [Fact]
    public void WrongDType_ThrowsNamingBoth()
    {
        var bytes = Written<float>([3], [], [null]);

        using var reader = new ShareStreamReader<double>(new MemoryStream(bytes));

        var error = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Contains("expected a share stream of float64", error.Message);
        Assert.Contains("got bigdl.dtype \"float32\"", error.Message);
    }

    [Fact]
    public void ArrowStreamWithoutOurMetadata_ThrowsNamingTheMissingKey()
    {
        var schema = new Schema([new Field("input", new FixedSizeListType(new Field("item", FloatType.Default, false), 3), false)], []);
        using var output = new MemoryStream();
        using (var writer = new ArrowStreamWriter(output, schema, leaveOpen: true))
        {
            writer.WriteStart();
            writer.WriteEnd();
        }

        using var reader = new ShareStreamReader<float>(new MemoryStream(output.ToArray()));

        Assert.Contains("expected schema metadata \"bigdl.dtype\"", Assert.Throws<InvalidDataException>(() => reader.TryRead(out _)).Message);
    }

    [Fact]
    public void StreamsOneAfterTheOther_AreReadByOneReaderEach_ThenTheInputEnds()
    {
        // A worker's stdin: the training stream, then a validation stream of other shapes.
        var random = new Random(5);
        var training = new List<MiniBatch<float>?> { Batch<float>(random, 3, [4], []), Batch<float>(random, 2, [4], []) };
        var validation = new List<MiniBatch<float>?> { Batch<float>(random, 4, [2, 3], [2]) };
        var input = new MemoryStream([.. Written<float>([4], [], training), .. Written<float>([2, 3], [2], validation)]);

        var first = ReadAll<float>(input);
        var second = ReadAll<float>(input);
        using var third = new ShareStreamReader<float>(input);

        Assert.Equal(2, first.Count);
        for (int i = 0; i < 2; i++) AssertSame(training[i], first[i]);
        AssertSame(validation[0], Assert.Single(second));
        Assert.False(third.Begins());
    }

    [Fact]
    public void Begins_OnAStream_ReadsItsSchema_AndTheSharesFollow()
    {
        var random = new Random(6);
        var share = Batch<double>(random, 2, [3], []);
        using var reader = new ShareStreamReader<double>(new MemoryStream(Written<double>([3], [], [share])));

        Assert.True(reader.Begins());
        Assert.True(reader.TryRead(out var read));
        AssertSame(share, read);
        Assert.False(reader.TryRead(out _));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Purpose_RoundTrips_AndIsNoneWhenNotStated(bool training)
    {
        var purpose = training ? ShareStreamPurpose.Training(3, 41) : ShareStreamPurpose.Validation;
        using var output = new MemoryStream();
        using (var writer = new ShareStreamWriter<float>(output, [2], [], purpose)) writer.Complete();
        using var stated = new ShareStreamReader<float>(new MemoryStream(output.ToArray()));
        using var unstated = new ShareStreamReader<float>(new MemoryStream(Written<float>([2], [], [])));

        Assert.True(stated.Begins());
        Assert.True(unstated.Begins());

        Assert.Equal(purpose, stated.Purpose);
        Assert.Null(unstated.Purpose);
    }

    [Theory]
    [InlineData("fit", "", "expected bigdl.purpose \"train\" or \"validate\", got \"fit\"")]
    [InlineData("train", "0", "\"bigdl.epoch\" of a training share stream as a number >= 1, got \"0\"")]
    [InlineData("train", null, "\"bigdl.epoch\" of a training share stream as a number >= 1, got none")]
    public void MalformedPurpose_ThrowsInvalidData_NamingTheKey(string purpose, string? epoch, string expected)
    {
        var metadata = new Dictionary<string, string>
        {
            ["bigdl.dtype"] = "float32",
            ["bigdl.input_shape"] = "2",
            ["bigdl.target_shape"] = "",
            ["bigdl.purpose"] = purpose,
            ["bigdl.first_iteration"] = "1",
        };
        if (epoch is not null) metadata["bigdl.epoch"] = epoch;
        var element = new Field("item", FloatType.Default, false);
        var schema = new Schema([new Field("input", new FixedSizeListType(element, 2), false), new Field("target", new FixedSizeListType(element, 1), false)], metadata);
        using var output = new MemoryStream();
        using (var writer = new ArrowStreamWriter(output, schema, leaveOpen: true))
        {
            writer.WriteStart();
            writer.WriteEnd();
        }

        using var reader = new ShareStreamReader<float>(new MemoryStream(output.ToArray()));

        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => reader.Begins()).Message);
    }

    [Fact]
    public void TrainingPurpose_OfAnEpochBelowOne_IsRefused()
    {
        Assert.Equal("epoch", Assert.Throws<ArgumentOutOfRangeException>(() => ShareStreamPurpose.Training(0, 1)).ParamName);
    }

    [Fact]
    public void EmptyInput_ThrowsInvalidData()
    {
        using var reader = new ShareStreamReader<float>(new MemoryStream());

        Assert.Contains("got an empty input", Assert.Throws<InvalidDataException>(() => reader.TryRead(out _)).Message);
    }

    [Fact]
    public void Write_ShareOfAnotherShape_ThrowsNamingExpectedAndActual()
    {
        using var writer = new ShareStreamWriter<float>(new MemoryStream(), [1, 28, 28], []);
        var flat = new MiniBatch<float>(new Tensor<float>(2, 784), new Tensor<float>(2));

        var error = Assert.Throws<ArgumentException>(() => writer.Write(flat));

        Assert.Equal("share", error.ParamName);
        Assert.Contains("expected the share's input to be [2, 1, 28, 28]", error.Message);
        Assert.Contains("got [2, 784]", error.Message);
    }

    [Fact]
    public void Write_AfterComplete_Throws()
    {
        using var writer = new ShareStreamWriter<double>(new MemoryStream(), [2], [1]);
        writer.Complete();

        Assert.Throws<InvalidOperationException>(() => writer.Write(null));
    }
}
