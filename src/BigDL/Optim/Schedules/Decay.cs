namespace BigDL.Optim;

/// <summary>Arithmetic shared by the step schedules.</summary>
internal static class Decay
{
    /// <summary><paramref name="rate"/> multiplied <paramref name="times"/> times by <paramref name="gamma"/>, one product at a time as BigDL does (bit for bit, unlike Math.Pow).</summary>
    public static double Repeated(double rate, double gamma, int times)
    {
        for (int i = 0; i < times; i++) rate *= gamma;
        return rate;
    }
}
