using BigDL.Distributed.Jobs;
using BigDL.NN;
using BigDL.Optim;

namespace BigDL.Distributed.Tests.Jobs;

/// <summary>A job spec's settings and validation methods come back from its bytes as they went in, drop-slow and shared memory included.</summary>
public class JobSpecTests
{
    [Fact]
    public void Decode_GivesBackEverySetting()
    {
        var settings = new SegmentSettings(2, WireCompression.BFloat16, GradientClipping.L2Norm(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10),
            new DropSlowStart(new DropSlowPolicy(0.05, 0.2, windowIterations: 7, warmupIterations: 11), ThresholdSeconds: 0.125, IterationsSeen: 40),
            SharedMemory: true);

        var decoded = JobSpec<float>.Decode(new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1), settings).Encode()).Settings;

        Assert.Equal(settings with { Clipping = decoded.Clipping }, decoded);
        Assert.Equal(5, decoded.Clipping.Norm);
    }

    [Fact]
    public void Decode_WithoutDropSlow_LeavesItOff()
    {
        var settings = new SegmentSettings(1, WireCompression.None, GradientClipping.None, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));

        var decoded = JobSpec<float>.Decode(new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1), settings).Encode()).Settings;

        Assert.Null(decoded.DropSlow);
        Assert.False(decoded.SharedMemory);
    }

    [Fact]
    public void Decode_GivesBackTheValidationMethods_ACriterionWithinToo()
    {
        var settings = new SegmentSettings(1, WireCompression.None, GradientClipping.None, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10));
        ValidationMethod<float>[] methods = [new Top5Accuracy<float>(), new Loss<float>(new MSECriterion<float>())];

        var withMethods = JobSpec<float>.Decode(new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1), settings, methods).Encode());
        var without = JobSpec<float>.Decode(new JobSpec<float>(Training.Model<float>(), new ClassNLLCriterion<float>(), new SGD<float>(0.1), settings).Encode());

        Assert.Collection(withMethods.Validation!, m => Assert.IsType<Top5Accuracy<float>>(m), m => Assert.IsType<MSECriterion<float>>(Assert.IsType<Loss<float>>(m).Criterion));
        Assert.Null(without.Validation);
    }
}
