using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Recurrent;

/// <summary>Gradient cases of LSTMPeephole (with non-zero peepholes, so their gradients are exercised), Cosine and within-channel LRN.</summary>
public sealed class PeepholeGradientCases : IGradientCases
{
    private static LSTMPeephole<double> Peephole(int input, int hidden)
    {
        var cell = new LSTMPeephole<double>(input, hidden);
        cell.Peephole.Copy(CaseData.Uniform(1000, 3, hidden));
        return cell;
    }

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("LSTMPeephole step", () => Peephole(3, 2), () => new Table(CaseData.Uniform(1001, 2, 3), new Table(CaseData.Uniform(1002, 2, 2), CaseData.Uniform(1003, 2, 2)))),
        new("Recurrent LSTMPeephole", () => new Recurrent<double>().Add(Peephole(2, 3)), () => CaseData.Uniform(1004, 2, 3, 2)),
        new("Cosine layer batch", () => new Cosine<double>(3, 2), () => CaseData.Uniform(1005, 2, 3)),
        new("Cosine layer vector", () => new Cosine<double>(2, 3), () => CaseData.Uniform(1006, 2)),
        new("SpatialWithinChannelLRN", () => new SpatialWithinChannelLRN<double>(3, 0.5, 0.75), () => CaseData.Uniform(1007, 2, 2, 3, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
