namespace BigDL.Kernel;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Error.WriteLine("bigdl-kernel: not wired yet");
        return 1;
    }
}
