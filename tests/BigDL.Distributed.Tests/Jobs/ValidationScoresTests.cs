using BigDL.Distributed.Jobs;
using BigDL.Optim;

namespace BigDL.Distributed.Tests.Jobs;

/// <summary>A worker's validation scores come back from their bytes with the counts they merge by; bytes of another job are refused.</summary>
public class ValidationScoresTests
{
    [Fact]
    public void Decode_GivesBackEveryResultWithItsCounts()
    {
        var scores = new ValidationScores(3, [new AccuracyResult(7, 12), new MeanResult("Loss", 1.0 / 3, 12)]);

        var decoded = ValidationScores.Decode(scores.Encode(), methods: 2);

        Assert.Equal(3, decoded.Rank);
        var accuracy = Assert.IsType<AccuracyResult>(decoded.Results![0]);
        Assert.Equal((7L, 12L), (accuracy.Correct, accuracy.Count));
        var loss = Assert.IsType<MeanResult>(decoded.Results[1]);
        Assert.Equal(("Loss", 1.0 / 3, 12L), (loss.Name, loss.Sum, loss.Count));
    }

    [Fact]
    public void Decode_OfAWorkerWithoutRecords_HasNoResults()
    {
        Assert.Null(ValidationScores.Decode(new ValidationScores(1, null).Encode(), methods: 2).Results);
    }

    [Fact]
    public void Decode_WithAnotherNumberOfMethods_IsRefusedSayingBoth()
    {
        var bytes = new ValidationScores(0, [new AccuracyResult(1, 2)]).Encode();

        var error = Assert.Throws<InvalidDataException>(() => ValidationScores.Decode(bytes, methods: 2));

        Assert.Contains("expected 2 results, one per validation method, got 1", error.Message);
    }
}
