namespace BigDL.DataSets;

/// <summary>
/// Running mean and population standard deviation of interleaved channels, in one pass: each image's per-channel mean
/// and sum of squared deviations are merged into the totals (Chan, Golub and LeVeque), all in double.
/// </summary>
internal sealed class PixelStatistics(int channels)
{
    private readonly long[] _count = new long[channels];
    private readonly double[] _mean = new double[channels];
    private readonly double[] _m2 = new double[channels];
    private readonly double[] _imageSum = new double[channels];
    private readonly double[] _imageM2 = new double[channels];

    /// <summary>Adds one image whose values are channel-interleaved (<c>channels</c> values a pixel).</summary>
    public void Add(float[] content)
    {
        if (content.Length % channels != 0)
            throw new ArgumentException($"expected {channels} values a pixel, got an image of {content.Length} values", nameof(content));
        long n = content.Length / channels;
        if (n == 0) return;
        Array.Clear(_imageSum);
        Array.Clear(_imageM2);
        for (int i = 0; i < content.Length; i += channels)
            for (int c = 0; c < channels; c++) _imageSum[c] += content[i + c];
        for (int i = 0; i < content.Length; i += channels)
            for (int c = 0; c < channels; c++)
            {
                double d = content[i + c] - _imageSum[c] / n;
                _imageM2[c] += d * d;
            }
        for (int c = 0; c < channels; c++)
        {
            double imageMean = _imageSum[c] / n, delta = imageMean - _mean[c];
            long total = _count[c] + n;
            _mean[c] += delta * n / total;
            _m2[c] += _imageM2[c] + delta * delta * ((double)_count[c] * n / total);
            _count[c] = total;
        }
    }

    /// <summary>Mean and population standard deviation of channel <paramref name="channel"/>.</summary>
    /// <exception cref="ArgumentException">No pixel was added, or the channel has no deviation.</exception>
    public (double Mean, double Std) Result(int channel, string paramName)
    {
        if (_count[channel] == 0) throw new ArgumentException("the data set yielded no pixels to take statistics of", paramName);
        double std = Math.Sqrt(_m2[channel] / _count[channel]);
        if (!(std > 0))
            throw new ArgumentException($"every pixel of channel {channel} is {_mean[channel]}: the standard deviation is 0", paramName);
        return (_mean[channel], std);
    }
}
