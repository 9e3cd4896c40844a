using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Regularization;

/// <summary>A seeded dropout mask must not depend on how many cores fill it.</summary>
[Collection(ProcessWideSettings.Name)]
public class DropoutDeterminismTests
{
    [Fact]
    public void Forward_SameSeed_SameMaskOnOneAndTwoCores()
    {
        int saved = Engine.CoreNumber;
        try
        {
            var x = Tensor<float>.Ones(300_000);   // several 64K blocks
            Engine.SetCoreNumber(1);
            RandomGenerator.Default.SetSeed(11);
            var one = new Dropout<float>(0.5).Forward(x).Clone();
            Engine.SetCoreNumber(2);
            RandomGenerator.Default.SetSeed(11);
            var two = new Dropout<float>(0.5).Forward(x);
            Assert.True(one.AlmostEqual(two, 0));
            Assert.InRange(one.AsSpan().ToArray().Count(v => v == 0), 148_500, 151_500);
        }
        finally
        {
            Engine.SetCoreNumber(saved);
        }
    }
}
