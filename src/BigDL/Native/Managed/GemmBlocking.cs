namespace BigDL.Native.Managed;

/// <summary>
/// Cache-blocking sizes of the packed GEMM: a KC×NC panel of op(B) is packed once and shared by every MC×KC block
/// of op(A); one KC×NR B micro-panel should stay in L1 while the MC×KC A block streams from L2, and the KC×NC B
/// panel lives in L3.
/// </summary>
/// <param name="Mc">Rows of op(A) per packed block (a multiple of the kernel's rows).</param>
/// <param name="Kc">Depth of one packed block (the shared dimension).</param>
/// <param name="Nc">Columns of op(B) per packed panel (a multiple of the kernel's columns).</param>
internal readonly record struct GemmBlocking(int Mc, int Kc, int Nc)
{
    /// <summary>
    /// Sizes for this machine class (Zen 3 here: 32 KiB L1d and 512 KiB L2 per core, 32 MiB shared L3): KC = 256
    /// keeps a B micro-panel at 16 KiB of L1, MC·KC·size is about 150-250 KiB of L2, NC·KC·size a few MiB of L3.
    /// </summary>
    public static GemmBlocking For(int elementSize, int mr, int nr)
    {
        int kc = 256;
        int mc = RoundDown(elementSize == 4 ? 144 : 96, mr);
        int nc = RoundDown(4080, nr);
        return new GemmBlocking(mc, kc, nc);
    }

    /// <summary>This blocking with <see cref="Mc"/> and <see cref="Nc"/> rounded to the kernel's tile (at least one tile).</summary>
    public GemmBlocking FitTo(int mr, int nr) => new(Math.Max(mr, RoundDown(Mc, mr)), Math.Max(1, Kc), Math.Max(nr, RoundDown(Nc, nr)));

    private static int RoundDown(int value, int multiple) => value / multiple * multiple;
}
