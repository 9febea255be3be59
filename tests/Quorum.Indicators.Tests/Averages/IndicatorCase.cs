namespace Quorum.Indicators.Tests.Averages;

/// <summary>One configured indicator under the contract tests: its streaming form, its batch form and its period parameters.</summary>
/// <param name="Name">The indicator's <see cref="IIndicator.Name"/>, e.g. <c>sma_20</c>.</param>
/// <param name="Create">A new streaming instance.</param>
/// <param name="Batch">The batch form over bar columns: one array per output, in <see cref="IIndicator.OutputNames"/> order.</param>
/// <param name="ReadsHighLow">Whether it reads high and low besides the close.</param>
/// <param name="Periods">Each period parameter, to check that values below 1 are rejected.</param>
internal sealed record IndicatorCase(
    string Name, Func<IIndicator> Create, Func<OhlcvColumns, double[][]> Batch, bool ReadsHighLow, IReadOnlyList<PeriodParameter> Periods)
{
    /// <summary>A single-output indicator of the close with one period parameter.</summary>
    public static IndicatorCase OnClose(string indicator, int period, Func<int, IIndicator> create, BatchOnClose batch) =>
        new(
            $"{indicator}_{period}",
            () => create(period),
            bars =>
            {
                var output = new double[bars.Length];
                batch(bars.Close, output, period);
                return [output];
            },
            ReadsHighLow: false,
            [new PeriodParameter(indicator, "period", p => create(p), p => batch([1.0, 2.0], new double[2], p))]);

    public override string ToString() => Name;
}

internal delegate void BatchOnClose(ReadOnlySpan<double> input, Span<double> output, int period);

/// <summary>A period parameter: constructing or batch-computing with <c>value</c> in its place.</summary>
internal sealed record PeriodParameter(string Indicator, string Parameter, Action<int> Construct, Action<int> Batch);
