using BigDL.DataSets;
using BigDL.NN;
using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>Running statistics found in a model, read, written and averaged over replicas.</summary>
[Collection(ProcessWideSettings.Name)]
public class ExtraParametersTests
{
    private static Sequential<float> Model()
    {
        RandomGenerator.Default.SetSeed(4);
        return new Sequential<float>()
            .Add(new Linear<float>(4, 3)).Add(new BatchNormalization<float>(3)).Add(new ReLU<float>())
            .Add(new Sequential<float>().Add(new Linear<float>(3, 2)).Add(new BatchNormalization<float>(2, affine: false)))
            .Add(new LogSoftMax<float>());
    }

    [Fact]
    public void Of_FindsEveryRunningStatisticInWalkOrder_AndNoWeight()
    {
        var model = Model();
        var outer = (BatchNormalization<float>)model.Modules[1];
        var inner = (BatchNormalization<float>)((Sequential<float>)model.Modules[3]).Modules[1];

        var found = ExtraParameters.Of(model);

        Assert.Equal([outer.RunningMean, outer.RunningVar, inner.RunningMean, inner.RunningVar], found);
        Assert.DoesNotContain(found, t => model.Parameters().Weights.Contains(t, ReferenceEqualityComparer.Instance));
    }

    [Fact]
    public void Of_ModelWithoutStatistics_IsEmpty()
    {
        Assert.Empty(ExtraParameters.Of(new Sequential<float>().Add(new Linear<float>(2, 2)).Add(new Tanh<float>())));
    }

    [Fact]
    public void WriteThenRead_GivesTheValuesBack()
    {
        var tensors = ExtraParameters.Of(Model());
        double[] values = [.. Enumerable.Range(0, 10).Select(i => i * 0.5)];

        ExtraParameters.Write(tensors, values);

        Assert.Equal(values, ExtraParameters.Read(tensors));
        Assert.Equal(2.5f, tensors[1][2]);
    }

    [Fact]
    public void Write_WrongCount_SaysExpectedAndActual()
    {
        var error = Assert.Throws<ArgumentException>(() => ExtraParameters.Write(ExtraParameters.Of(Model()), new double[9]));

        Assert.Contains("expected 10 values", error.Message);
        Assert.Contains("got 9", error.Message);
    }

    [Fact]
    public void Mean_AveragesElementWise_AndKeepsCommonValuesExactly()
    {
        double common = 0.1; // (x + x + x) / 3 is not x for every double
        Assert.Equal([2.0, common], ExtraParameters.Mean([1.0, common, 2.0, common, 3.0, common], 3));
    }

    [Fact]
    public void Mean_UnevenLength_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => ExtraParameters.Mean([1.0, 2.0, 3.0], 2));
    }

    [Fact]
    public void Replicas_MeanOverTheirStatistics_ThenSetOnAll()
    {
        EngineCores.With(2, () =>
        {
            var model = Model();
            var replicas = new ModelReplicas<float>(model, new ClassNLLCriterion<float>(), 2);
            replicas.SetTraining(true);
            var random = new RandomGenerator(8);
            replicas.ComputeGradient(new MiniBatch<float>(Tensor<float>.Randn(random, 6, 4), new Tensor<float>([0, 1, 0, 1, 1, 0], 6)));
            var first = ExtraParameters.Read(ExtraParameters.Of(model));

            var mean = replicas.MeanExtraParameters();
            replicas.SetExtraParameters(mean);

            Assert.Equal(first.Length, mean.Length);
            Assert.NotEqual(first, mean); // the two replicas saw different records
            double[] stored = [.. mean.Select(v => (double)(float)v)];
            Assert.Equal(stored, ExtraParameters.Read(ExtraParameters.Of(model)));
            Assert.Equal(stored, replicas.MeanExtraParameters());
        });
    }
}
