namespace BigDL.Tests;

/// <summary>Runs test code with <see cref="Engine.CoreNumber"/> set, restoring it afterwards (tests in <see cref="ProcessWideSettings"/>).</summary>
internal static class EngineCores
{
    public static void With(int cores, Action body)
    {
        int original = Engine.CoreNumber;
        try
        {
            Engine.SetCoreNumber(cores);
            body();
        }
        finally
        {
            Engine.SetCoreNumber(original);
        }
    }
}
