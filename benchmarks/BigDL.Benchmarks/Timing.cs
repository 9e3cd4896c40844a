using System.Diagnostics;

namespace BigDL.Benchmarks;

/// <summary>The timing rule every benchmark here shares (and the C baseline copies): 3 warm-up calls, then
/// calls until at least 5 ran and 0.5 s passed; the median call time counts.</summary>
internal static class Timing
{
    public static double MedianSeconds(Action call, double minSeconds = 0.5, int minRuns = 5, int maxRuns = 1000)
    {
        for (int w = 0; w < 3; w++) call();
        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (times.Count < maxRuns && (times.Count < minRuns || total.Elapsed.TotalSeconds < minSeconds))
        {
            long t0 = Stopwatch.GetTimestamp();
            call();
            times.Add(Stopwatch.GetElapsedTime(t0).TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
