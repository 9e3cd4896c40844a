using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>Droppable replicas (drop-slow): waited for to the end, they give exactly the Engine replicas' loss and gradient.</summary>
[Collection(ProcessWideSettings.Name)]
public class ModelReplicasTests
{
    private static Sequential<double> Model()
    {
        RandomGenerator.Default.SetSeed(3);
        return new Sequential<double>().Add(new Linear<double>(5, 7)).Add(new Tanh<double>()).Add(new Linear<double>(7, 3)).Add(new LogSoftMax<double>());
    }

    private static MiniBatch<double> Batch(int size)
    {
        var random = new RandomGenerator(11);
        return new MiniBatch<double>(Tensor<double>.Randn(random, size, 5), new Tensor<double>([.. Enumerable.Range(0, size).Select(i => (double)(i % 3))], size));
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(3, 10)]
    [InlineData(4, 3)]
    public void ComputeGradient_DroppableWaitedForToTheEnd_EqualsTheEngineReplicas(int replicas, int batchSize)
    {
        EngineCores.With(2, () =>
        {
            var batch = Batch(batchSize);
            var plain = new ModelReplicas<double>(Model(), new ClassNLLCriterion<double>(), replicas);
            using var droppable = new ModelReplicas<double>(Model(), new ClassNLLCriterion<double>(), replicas, droppable: true);

            double loss = plain.ComputeGradient(batch);
            var step = droppable.ComputeGradient(batch, Timeout.InfiniteTimeSpan);

            Assert.Equal(loss, step.Loss);
            Assert.Equal(batchSize, step.Records);
            Assert.Equal(0, step.Dropped);
            Assert.Equal(Math.Min(replicas, batchSize), step.Seconds.Length);
            Assert.All(step.Seconds, s => Assert.True(s > 0));
            Assert.Equal(plain.Gradient.AsSpan().ToArray(), droppable.Gradient.AsSpan().ToArray());
        });
    }

    [Fact]
    public void Gradient_Droppable_IsABufferOfItsOwnNotTheModels()
    {
        var model = Model();
        using var droppable = new ModelReplicas<double>(model, new ClassNLLCriterion<double>(), 2, droppable: true);

        Assert.NotSame(model.GetParameters().Gradients.Storage, droppable.Gradient.Storage);
        Assert.Equal(model.GetParameters().Gradients.NElement(), droppable.Gradient.NElement());
    }

    [Fact]
    public void ComputeGradient_WithDeadlineOnEngineReplicas_ThrowsSayingSo()
    {
        var plain = new ModelReplicas<double>(Model(), new ClassNLLCriterion<double>(), 2);

        var error = Assert.Throws<InvalidOperationException>(() => plain.ComputeGradient(Batch(4), TimeSpan.FromSeconds(1)));
        Assert.Contains("not made droppable", error.Message);
    }
}
