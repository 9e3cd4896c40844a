using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.Graph;

/// <summary>Gradient cases of functional models: a chain, a diamond (shared sub-graph), several inputs and outputs.</summary>
public sealed class GraphGradientCases : IGradientCases
{
    internal static Graph<double> Diamond()
    {
        var x = new Input<double>();
        var shared = new Linear<double>(3, 4).Inputs(x);
        var left = new Tanh<double>().Inputs(shared);
        var right = new Linear<double>(4, 4).Inputs(shared);
        var joined = new CAddTable<double>().Inputs(left, right);
        return new Graph<double>(x, new Linear<double>(4, 2).Inputs(joined));
    }

    internal static Graph<double> TwoInTwoOut()
    {
        var a = new Input<double>();
        var b = new Input<double>();
        var ha = new Linear<double>(3, 2).Inputs(a);
        var sum = new CAddTable<double>().Inputs(ha, b);
        var product = new CMulTable<double>().Inputs(sum, ha);
        return new Graph<double>([a, b], [sum, product]);
    }

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("Graph chain", () => { var x = new Input<double>(); return new Graph<double>(x, new Tanh<double>().Inputs(new Linear<double>(3, 2).Inputs(x))); },
            () => CaseData.Uniform(400, 2, 3)),
        new("Graph diamond", Diamond, () => CaseData.Uniform(401, 2, 3)),
        new("Graph two inputs two outputs", TwoInTwoOut, () => new Table(CaseData.Uniform(402, 2, 3), CaseData.Uniform(403, 2, 2))),
        new("Graph node fed twice", () => { var x = new Input<double>(); return new Graph<double>(x, new CMulTable<double>().Inputs(x, x)); },
            () => CaseData.Uniform(404, 5)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
