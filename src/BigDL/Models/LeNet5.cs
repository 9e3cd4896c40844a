using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>LeNet-5 for 28×28 grey images (MNIST, Fashion-MNIST), exactly as BigDL's example model.</summary>
/// <remarks>
/// Reshape(1, 28, 28) → SpatialConvolution(1, 6, 5, 5) → Tanh → SpatialMaxPooling(2, 2, 2, 2) → Tanh →
/// SpatialConvolution(6, 12, 5, 5) → SpatialMaxPooling(2, 2, 2, 2) → Reshape(192) → Linear(192, 100) → Tanh →
/// Linear(100, classNum) → LogSoftMax. Input [N, 784], [N, 28, 28] or [N, 1, 28, 28]; output log-probabilities
/// [N, classNum]. With 10 classes it has 22,278 parameters.
/// </remarks>
public static class LeNet5
{
    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Number of classes.</param>
    public static Sequential<T> Create<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        return new Sequential<T>()
            .Add(new Reshape<T>([1, 28, 28]).SetName("reshape1"))
            .Add(new SpatialConvolution<T>(1, 6, 5, 5).SetName("conv1_5x5"))
            .Add(new Tanh<T>())
            .Add(new SpatialMaxPooling<T>(2, 2, 2, 2))
            .Add(new Tanh<T>())
            .Add(new SpatialConvolution<T>(6, 12, 5, 5).SetName("conv2_5x5"))
            .Add(new SpatialMaxPooling<T>(2, 2, 2, 2))
            .Add(new Reshape<T>([12 * 4 * 4]))
            .Add(new Linear<T>(12 * 4 * 4, 100).SetName("fc1"))
            .Add(new Tanh<T>())
            .Add(new Linear<T>(100, classNum).SetName("fc2"))
            .Add(new LogSoftMax<T>());
    }
}
