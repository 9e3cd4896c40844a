using System.Numerics;
using BigDL.NN;

namespace BigDL.Models;

/// <summary>BigDL's MNIST autoencoder: 784 → classNum (ReLU) → 784 (Sigmoid), trained to reproduce its input.</summary>
/// <remarks>
/// Reshape(784) → Linear(784, classNum) → ReLU → Linear(classNum, 784) → Sigmoid, as BigDL's
/// <c>models/autoencoder/Autoencoder.scala</c> (its example uses classNum = 32). Train with
/// <see cref="MSECriterion{T}"/> against the flattened input scaled to [0, 1].
/// </remarks>
public static class Autoencoder
{
    /// <summary>Builds the model.</summary>
    /// <param name="classNum">Size of the code (the bottleneck).</param>
    public static Sequential<T> Create<T>(int classNum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classNum);
        return new Sequential<T>()
            .Add(new Reshape<T>([28 * 28]))
            .Add(new Linear<T>(28 * 28, classNum))
            .Add(new ReLU<T>())
            .Add(new Linear<T>(classNum, 28 * 28))
            .Add(new Sigmoid<T>());
    }
}
