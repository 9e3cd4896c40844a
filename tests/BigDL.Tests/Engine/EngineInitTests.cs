// Namespace BigDL.Tests, not BigDL.Tests.Engine: a namespace named Engine would hide the BigDL.Engine class.
namespace BigDL.Tests;

[Collection(ProcessWideSettings.Name)]
public class EngineInitTests
{
    [Fact]
    public void Init_OneNode_SetsTheCoresAndReturnsTheConfiguration()
    {
        int original = Engine.CoreNumber;
        try
        {
            var configuration = Engine.Init(nodeNumber: 1, coreNumber: 3);
            Assert.Equal(new EngineConfiguration(1, 3, false), configuration);
            Assert.Equal(3, Engine.CoreNumber);
            Assert.Equal(1, Engine.NodeNumber);
            Assert.Equal(3, configuration.TotalCores);
            // Calling again reconfigures.
            Assert.Equal(2, Engine.Init(1, 2).CoreNumber);
            int items = 0;
            Engine.For(10, _ => Interlocked.Increment(ref items));
            Assert.Equal(10, items);
        }
        finally
        {
            Engine.SetCoreNumber(original);
        }
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(1, true)]
    public void Init_SeveralNodesOrSpark_ThrowsSayingWhatIsMissing(int nodes, bool onSpark)
    {
        int original = Engine.CoreNumber;
        var e = Assert.Throws<NotSupportedException>(() => Engine.Init(nodes, 2, onSpark));
        Assert.Contains("BigDL.Distributed", e.Message);
        Assert.Equal(original, Engine.CoreNumber);
        Assert.Equal(1, Engine.NodeNumber);
    }

    [Fact]
    public void Init_NumbersBelowOne_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Init(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Init(1, 0));
    }
}
