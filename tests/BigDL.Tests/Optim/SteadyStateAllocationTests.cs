using BigDL.Optim;
using BigDL.Tensors;

namespace BigDL.Tests.Optim;

/// <summary>
/// Once their buffers exist, SGD and Adam steps allocate nothing but the one-element loss array the signature returns:
/// far less than one buffer of the 100 000-element parameter (400 KB).
/// </summary>
[Collection(ProcessWideSettings.Name)] // measures the whole process's allocations: runs alone
public class SteadyStateAllocationTests
{
    private const long Allowance = 256;

    public static TheoryData<string> Methods => new() { "SGD", "SGD momentum weight decay", "SGD Nesterov learning rates", "Adam" };

    [Theory]
    [MemberData(nameof(Methods))]
    public void Step_AfterWarmUp_AllocatesNoBuffers(string name)
    {
        const int N = 100_000;
        OptimMethod<float> method = name switch
        {
            "SGD" => new SGD<float>(0.01),
            "SGD momentum weight decay" => new SGD<float>(0.01, learningRateDecay: 1e-3, weightDecay: 1e-4, momentum: 0.9),
            "SGD Nesterov learning rates" => new SGD<float>(0.01, momentum: 0.9, dampening: 0, nesterov: true, learningRates: Tensor<float>.Ones(N)),
            "Adam" => new Adam<float>(1e-3),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown case"),
        };
        var x = Tensor<float>.Randn(new RandomGenerator(3), N);
        var gradient = Tensor<float>.Randn(new RandomGenerator(4), N);
        Func<Tensor<float>, (double, Tensor<float>)> feval = _ => (1.0, gradient);
        for (int i = 0; i < 10; i++) method.Optimize(feval, x); // past the JIT's first tiers, which allocate

        long before = GC.GetTotalAllocatedBytes(precise: true);
        const int Steps = 8;
        for (int i = 0; i < Steps; i++) method.Optimize(feval, x);
        long perStep = (GC.GetTotalAllocatedBytes(precise: true) - before) / Steps;

        Assert.True(perStep <= Allowance, $"{name}: {perStep} bytes allocated per step after warm-up (allowed {Allowance})");
    }
}
