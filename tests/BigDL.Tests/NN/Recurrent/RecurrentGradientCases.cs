using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

/// <summary>Gradient cases of the recurrent layers, their cells and the embedding.</summary>
public sealed class RecurrentGradientCases : IGradientCases
{
    private static Table Step(ulong seed, int batch, int input, IActivity hidden) => new(CaseData.Uniform(seed, batch, input), hidden);

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("RnnCell step", () => new RnnCell<double>(3, 2), () => Step(300, 2, 3, CaseData.Uniform(301, 2, 2))),
        new("LSTM step", () => new LSTM<double>(3, 2), () => Step(302, 2, 3, new Table(CaseData.Uniform(303, 2, 2), CaseData.Uniform(304, 2, 2)))),
        new("GRU step", () => new GRU<double>(3, 2), () => Step(305, 2, 3, CaseData.Uniform(306, 2, 2))),
        new("Recurrent RnnCell", () => new Recurrent<double>().Add(new RnnCell<double>(4, 3)), () => CaseData.Uniform(307, 2, 3, 4)),
        new("Recurrent LSTM", () => new Recurrent<double>().Add(new LSTM<double>(4, 3)), () => CaseData.Uniform(308, 2, 3, 4)),
        new("Recurrent GRU", () => new Recurrent<double>().Add(new GRU<double>(4, 3)), () => CaseData.Uniform(309, 2, 3, 4)),
        new("TimeDistributed Linear", () => new TimeDistributed<double>(new Linear<double>(4, 2)), () => CaseData.Uniform(310, 2, 3, 4)),
        new("LookupTable batch", () => new LookupTable<double>(5, 3), () => new Tensor<double>([0, 4, 2, 2, 1, 0], 2, 3), new GradientChecker.Options(WrtInput: false)),
        new("LookupTable vector", () => new LookupTable<double>(4, 2), () => new Tensor<double>([1, 3, 1], 3), new GradientChecker.Options(WrtInput: false)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
