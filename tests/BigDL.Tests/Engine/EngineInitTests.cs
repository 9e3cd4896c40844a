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

    [Fact]
    public void Init_Spark_ThrowsSayingWhatIsMissing()
    {
        int original = Engine.CoreNumber;
        var e = Assert.Throws<NotSupportedException>(() => Engine.Init(1, 2, onSpark: true));
        Assert.Contains("Spark backend", e.Message);
        Assert.Equal(original, Engine.CoreNumber);
        Assert.Equal(1, Engine.NodeNumber);
    }

    [Fact]
    public void OptimizerCreate_SeveralNodesWithoutBigDLDistributed_ThrowsNamingIt()
    {
        int original = Engine.CoreNumber;
        try
        {
            Assert.Equal(new EngineConfiguration(2, 1, false), Engine.Init(nodeNumber: 2, coreNumber: 1));
            var model = new BigDL.NN.Linear<float>(2, 1);
            var data = BigDL.DataSets.DataSet.Array([new BigDL.DataSets.Sample<float>(new BigDL.Tensors.Tensor<float>(2), 1f)])
                .Transform(new BigDL.DataSets.SampleToMiniBatch<float>(1));

            var e = Assert.Throws<NotSupportedException>(() => BigDL.Optim.Optimizer.Create(model, data, new BigDL.NN.MSECriterion<float>()));

            Assert.Contains("BigDL.Distributed", e.Message);
            Assert.Contains("2 nodes", e.Message);
        }
        finally
        {
            Engine.Init(1, original);
        }
    }

    [Fact]
    public void Init_NumbersBelowOne_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Init(0, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Init(1, 0));
    }
}
