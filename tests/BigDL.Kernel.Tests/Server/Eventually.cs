namespace BigDL.Kernel.Tests.Server;

/// <summary>Waits for a condition that another thread makes true (a hang guard, not a timing assertion).</summary>
internal static class Eventually
{
    public static void Holds(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + KernelClient.Timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Never held within {KernelClient.Timeout}: {what}.");
            Thread.Sleep(5);
        }
    }
}
