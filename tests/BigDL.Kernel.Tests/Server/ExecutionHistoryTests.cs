using BigDL.Kernel.Server;

namespace BigDL.Kernel.Tests.Server;

public sealed class ExecutionHistoryTests
{
    private static ExecutionHistory With(params string[] inputs)
    {
        var history = new ExecutionHistory();
        for (int i = 0; i < inputs.Length; i++)
            history.Add(i + 1, inputs[i]);
        return history;
    }

    private static List<int> Lines(IEnumerable<HistoryEntry> entries) => entries.Select(e => e.Line).ToList();

    [Theory]
    [InlineData("a*", new[] { 1, 2, 5 })]
    [InlineData("a?c", new[] { 2 })]
    [InlineData("[ab]*", new[] { 1, 2, 3, 5 })]
    [InlineData("[^a]*", new[] { 3, 4 })]
    [InlineData("*.*", new[] { 4 })]
    [InlineData("*", new[] { 1, 2, 3, 4, 5 })]
    public void Search_MatchesTheWholeInputAgainstAGlob(string pattern, int[] lines)
    {
        ExecutionHistory history = With("ab", "abc", "bcd", "x.y", "a\nmultiline");

        Assert.Equal(lines, Lines(history.Search(pattern, n: null, unique: false)));
    }

    [Fact]
    public void Search_WithN_KeepsTheLatestMatches()
    {
        Assert.Equal([3, 4], Lines(With("a", "a1", "a2", "a3").Search("a*", n: 2, unique: false)));
    }

    [Fact]
    public void Tail_WithoutN_ReturnsTheLastTen_AndNonPositiveNReturnsNothing()
    {
        ExecutionHistory history = With(Enumerable.Range(0, 12).Select(i => "x" + i).ToArray());

        Assert.Equal(Enumerable.Range(3, 10), Lines(history.Tail(null)));
        Assert.Empty(history.Tail(0));
    }

    [Fact]
    public void Range_OfAnotherSession_IsEmpty()
    {
        Assert.Empty(With("a", "b").Range(session: -1, start: 0, stop: null));
        Assert.Equal([1, 2], Lines(With("a", "b").Range(session: ExecutionHistory.SessionNumber, start: 0, stop: null)));
    }

    [Fact]
    public void RecordOutput_KeepsTheValueOfTheLatestEntryOfThatLine()
    {
        ExecutionHistory history = With("a", "b");

        history.RecordOutput(2, "value of b");

        Assert.Equal([null, "value of b"], history.Tail(null).Select(e => e.Output));
        Assert.Equal("line", Assert.Throws<ArgumentOutOfRangeException>(() => history.RecordOutput(3, "x")).ParamName);
    }
}
