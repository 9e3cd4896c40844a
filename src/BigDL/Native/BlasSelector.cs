using System.Text;

namespace BigDL.Native;

/// <summary>The provider chosen for the process and the reason, in words, for <c>bigdl info</c>.</summary>
internal sealed record BlasSelection(BlasProviderInfo Info, string Reason)
{
    /// <summary>The chosen provider (always present).</summary>
    public IBlas Provider => Info.Provider!;
}

/// <summary>
/// Chooses the BLAS provider from the value of <c>BIGDL_BLAS</c> and the preference order: a pure function of
/// its inputs (the environment is read by <see cref="Blas"/>), so tests exercise it without touching the process.
/// </summary>
internal static class BlasSelector
{
    /// <summary>
    /// With <paramref name="requested"/> null or blank, the first present candidate of <paramref name="order"/>;
    /// otherwise the candidate of that name (case-insensitive, surrounding spaces ignored), which must be present.
    /// Only the candidates needed for the decision are probed.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The requested provider is unknown or not present (the message lists every path tried), or none is present.
    /// </exception>
    public static BlasSelection Select(string? requested, IReadOnlyList<BlasCandidate> order)
    {
        string variable = Blas.EnvironmentVariable;
        string orderText = string.Join(", ", order.Select(c => c.Name));
        if (string.IsNullOrWhiteSpace(requested))
        {
            var skipped = new List<BlasProviderInfo>();
            foreach (BlasCandidate candidate in order)
            {
                BlasProviderInfo info = candidate.Probe();
                if (!info.IsPresent)
                {
                    skipped.Add(info);
                    continue;
                }
                string reason = $"{variable} is not set; first present in the default order {orderText}";
                if (skipped.Count > 0) reason += $" ({string.Join(", ", skipped.Select(s => s.Name))} not present)";
                return new BlasSelection(info, reason);
            }
            var all = new StringBuilder($"No BLAS provider could be loaded ({variable} is not set; default order {orderText}).");
            foreach (BlasProviderInfo info in skipped) all.AppendLine().Append($"{info.Name}: {info.LoadFailure}");
            throw new InvalidOperationException(all.ToString());
        }

        string wanted = requested.Trim();
        foreach (BlasCandidate candidate in order)
        {
            if (!string.Equals(candidate.Name, wanted, StringComparison.OrdinalIgnoreCase)) continue;
            BlasProviderInfo info = candidate.Probe();
            if (info.IsPresent) return new BlasSelection(info, $"{variable}={requested}");
            throw new InvalidOperationException(
                $"{variable}={requested} asks for the '{candidate.Name}' BLAS provider, but it is not present. {info.LoadFailure}" +
                $"{Environment.NewLine}Install it, or unset {variable} to use the first present provider of {orderText}.");
        }
        throw new InvalidOperationException(
            $"{variable}={requested} is not a BLAS provider; use one of {orderText} (case-insensitive), or unset {variable} " +
            $"to use the first present in that order.");
    }
}
