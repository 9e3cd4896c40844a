using BigDL.Optim;

namespace BigDL.Cli.Training;

/// <summary>The optim methods <c>--optim</c> names, built from the command line's hyper-parameters.</summary>
internal static class OptimMethods
{
    public static IReadOnlyList<string> Names { get; } = ["sgd", "adam", "adamax", "adagrad", "adadelta", "rmsprop"];

    /// <summary>
    /// The method named <paramref name="name"/>, or null. SGD's momentum is undamped (as PyTorch's and as BigDL's own
    /// VGG example sets it); BigDL's Scala default damped the gradient by the momentum.
    /// </summary>
    public static OptimMethod<float>? Create(string name, double learningRate, double momentum, double weightDecay, double learningRateDecay) =>
        name.ToLowerInvariant() switch
        {
            "sgd" => new SGD<float>(learningRate, learningRateDecay, weightDecay, momentum, dampening: 0),
            "adam" => new Adam<float>(learningRate, learningRateDecay),
            "adamax" => new Adamax<float>(learningRate),
            "adagrad" => new Adagrad<float>(learningRate, learningRateDecay, weightDecay),
            "adadelta" => new Adadelta<float>(),
            "rmsprop" => new RMSprop<float>(learningRate, learningRateDecay),
            _ => null,
        };
}
