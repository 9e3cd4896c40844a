namespace BigDL.Benchmarks;

/// <summary>Prints the GEMM table and the ratios the targets are stated in.</summary>
internal static class GemmReport
{
    public static void Print(List<GemmBenchmark.Row> rows, string defaultProvider)
    {
        Console.WriteLine("## SGEMM, GFLOP/s (median); in brackets the same library called from C, and seam = ours / C");
        Console.WriteLine();
        var shapes = GemmBenchmark.Shapes.Select(s => s.Name).ToArray();
        Console.WriteLine("| provider | threads | " + string.Join(" | ", shapes) + " |");
        Console.WriteLine("|---|---|" + string.Concat(Enumerable.Repeat("---|", shapes.Length)));
        foreach (var group in rows.GroupBy(r => (r.Provider, r.Threads)))
        {
            var cells = shapes.Select(s => group.FirstOrDefault(r => r.Shape == s) is { } r ? Cell(r) : "");
            Console.WriteLine($"| {group.Key.Provider} | {group.Key.Threads} | " + string.Join(" | ", cells) + " |");
        }
        Console.WriteLine();
        foreach (var threads in rows.Select(r => r.Threads).Distinct())
        {
            var at = rows.Where(r => r.Threads == threads).ToList();
            foreach (var shape in shapes)
            {
                var best = at.Where(r => r.Shape == shape).SelectMany(r => new[] { r.Seam, r.C ?? 0 }).DefaultIfEmpty(0).Max();
                var chosen = at.FirstOrDefault(r => r.Shape == shape && r.Provider == defaultProvider);
                if (chosen is not null && best > 0)
                    Console.WriteLine($"- {threads} thread(s), {shape}: default provider {defaultProvider} reaches {chosen.Seam / best:P0} of the best SGEMM in this run ({best:F1})");
            }
            var managed = at.FirstOrDefault(r => r.Provider == "managed" && r.Shape == "1024³");
            var bestNative = at.Where(r => r.Provider != "managed" && r.Shape == "1024³").Select(r => r.Seam).DefaultIfEmpty(0).Max();
            if (managed is not null && bestNative > 0)
                Console.WriteLine($"- {threads} thread(s), 1024³: managed reaches {managed.Seam / bestNative:P0} of the best native provider ({managed.Seam:F1} vs {bestNative:F1})");
        }
        Console.WriteLine();
    }

    private static string Cell(GemmBenchmark.Row r)
        => r.C is { } c && c > 0 ? $"{r.Seam:F1} [{c:F1}, seam {r.Seam / c:P0}]" : $"{r.Seam:F1}";
}
