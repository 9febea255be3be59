namespace Quorum.Indicators.Tests.Support;

/// <summary>Runs a streaming indicator over columns and records every output at every bar.</summary>
internal static class Feed
{
    /// <summary>outputs[k][i] = output k after bar i.</summary>
    public static double[][] Run(IIndicator indicator, OhlcvColumns bars)
    {
        var outputs = indicator.OutputNames.Select(_ => new double[bars.Length]).ToArray();
        for (var i = 0; i < bars.Length; i++)
        {
            indicator.Update(bars[i]);
            for (var k = 0; k < outputs.Length; k++)
            {
                outputs[k][i] = indicator.GetOutput(k);
            }
        }

        return outputs;
    }

    /// <summary>Values of a single-input indicator after each input.</summary>
    public static double[] Run(IPriceIndicator indicator, ReadOnlySpan<double> input)
    {
        var values = new double[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            indicator.Update(input[i]);
            values[i] = indicator.Value;
        }

        return values;
    }
}
