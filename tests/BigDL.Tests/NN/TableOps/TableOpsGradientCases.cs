using BigDL.NN;
using BigDL.Tensors;

namespace BigDL.Tests.NN.TableOps;

/// <summary>Gradient cases of the table layers.</summary>
public sealed class TableOpsGradientCases : IGradientCases
{
    private static Table Two(ulong seed, params int[] sizes) => new(CaseData.Uniform(seed, sizes), CaseData.Uniform(seed + 1, sizes));

    /// <inheritdoc/>
    public IEnumerable<ModuleCase> Modules =>
    [
        new("ParallelTable", () => new ParallelTable<double>().Add(new Linear<double>(3, 2)).Add(new Tanh<double>()), () => Two(200, 2, 3)),
        new("SelectTable last", () => new SelectTable<double>(-1), () => new Table(CaseData.Uniform(202, 2), new Table(CaseData.Uniform(203, 3)))),
        new("SelectTable tensor", () => new SelectTable<double>(0), () => Two(204, 3)),
        new("NarrowTable to the end", () => new NarrowTable<double>(1, -1), () => new Table(CaseData.Uniform(206, 2), CaseData.Uniform(207, 3), CaseData.Uniform(208, 1))),
        new("CSubTable", () => new CSubTable<double>(), () => Two(210, 2, 3)),
        new("CMulTable of three", () => new CMulTable<double>(), () => new Table(CaseData.Uniform(212, 4), CaseData.Uniform(213, 4), CaseData.Uniform(214, 4))),
        new("CDivTable", () => new CDivTable<double>(), () => new Table(CaseData.Uniform(215, 5), CaseData.AwayFromZero(216, 0.5, 5))),
        new("CAveTable", () => new CAveTable<double>(), () => Two(217, 2, 2)),
        new("CMaxTable", () => new CMaxTable<double>(), () => new Table(CaseData.Uniform(219, 6), CaseData.Uniform(220, 6).Add(0.01))),
        new("CMinTable", () => new CMinTable<double>(), () => new Table(CaseData.Uniform(221, 6), CaseData.Uniform(222, 6).Add(0.01))),
        new("DotProduct batch", () => new DotProduct<double>(), () => Two(223, 3, 4)),
        new("DotProduct vector", () => new DotProduct<double>(), () => Two(225, 4)),
        new("PairwiseDistance L2", () => new PairwiseDistance<double>(), () => Two(227, 3, 4)),
        new("PairwiseDistance L1 vector", () => new PairwiseDistance<double>(1), () => new Table(CaseData.Uniform(229, 5), CaseData.Uniform(230, 5).Add(2.5))),
        new("MM transposed", () => new MM<double>(transA: true), () => new Table(CaseData.Uniform(231, 3, 2), CaseData.Uniform(232, 3, 4))),
        new("MM batched transB", () => new MM<double>(transB: true), () => new Table(CaseData.Uniform(233, 2, 3, 4), CaseData.Uniform(234, 2, 5, 4))),
        new("SplitTable batch", () => new SplitTable<double>(0, 1), () => CaseData.Uniform(235, 2, 3)),
    ];

    /// <inheritdoc/>
    public IEnumerable<CriterionCase> Criterions => [];
}
