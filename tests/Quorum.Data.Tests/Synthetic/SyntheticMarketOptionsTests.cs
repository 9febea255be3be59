using Quorum.Core.Instruments;
using Quorum.Core.Time;
using Quorum.Data.Synthetic;

namespace Quorum.Data.Tests.Synthetic;

public sealed class SyntheticMarketOptionsTests
{
    private static readonly SyntheticMarketOptions Valid = SyntheticSamples.Small();

    [Fact]
    public void Validate_DemoOptions_HasNoErrors()
    {
        DemoDataset.Options.Validate().ShouldBeEmpty();
        Valid.Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenStartPriceIsNotPositive_NamesTheSymbolTheValueAndTheRange()
    {
        var options = WithFirstSymbol(s => s with { StartPrice = 0m });

        options.Validate().ShouldContain("Symbols[0].StartPrice = 0 is out of range (x > 0)");
    }

    [Fact]
    public void Validate_WhenVenueIsReal_RejectsUnlessExplicitlyAllowed()
    {
        var options = WithFirstSymbol(s => s with { Symbol = Symbol.Parse("BINANCE:BTCUSDT") });

        var error = options.Validate().ShouldHaveSingleItem();
        error.ShouldStartWith("Symbols[0].Symbol = BINANCE:BTCUSDT is not on the SYNTH venue");
        error.ShouldContain("SYNTH:BTCUSDT");
        (options with { AllowNonSyntheticVenue = true }).Validate().ShouldBeEmpty();
    }

    [Fact]
    public void Validate_WhenCorrelationMatrixIsNotPositiveDefinite_SaysSo()
    {
        var options = Valid with
        {
            Correlation =
            [
                [1.0, 0.9, -0.9],
                [0.9, 1.0, 0.9],
                [-0.9, 0.9, 1.0],
            ],
        };

        options.Validate().ShouldHaveSingleItem().ShouldStartWith("Correlation is not positive-definite");
    }

    [Theory]
    [InlineData(0, 1, 0.5, 1, 0.6, "Correlation is not symmetric: [0][1] = 0.5 but [1][0] = 0.6")]
    [InlineData(0, 1, 1.0, 1, 0, "Correlation[0][1] = 1 is out of range (-1 < x < 1)")]
    [InlineData(1, 1, 0.9, -1, 0, "Correlation[1][1] = 0.9 must be 1 (a correlation matrix has a unit diagonal)")]
    public void Validate_WhenCorrelationEntriesAreWrong_NamesTheEntry(int row, int column, double value, int mirrorRow, double mirrorValue, string expected)
    {
        var matrix = DemoDataset.Correlation.Select(r => r.ToArray()).ToArray();
        matrix[row][column] = value;
        if (mirrorRow >= 0)
        {
            matrix[column][row] = mirrorValue;
        }

        (Valid with { Correlation = matrix }).Validate().ShouldContain(expected);
    }

    [Fact]
    public void Validate_WhenCorrelationHasTheWrongSize_SaysHowManyRowsAreNeeded()
    {
        var options = Valid with { Correlation = [[1.0, 0.5], [0.5, 1.0]] };

        options.Validate().ShouldContain("Correlation has 2 rows but there are 3 symbols (one row and one column per symbol)");
    }

    [Theory]
    [InlineData(null, null, "exactly one of BarCount and EndTimeMs must be set (BarCount = null, EndTimeMs = null)")]
    [InlineData(10, 1_704_153_600_000L, "exactly one of BarCount and EndTimeMs must be set (BarCount = 10, EndTimeMs = 1704153600000)")]
    [InlineData(0, null, "BarCount = 0 is out of range (1 ≤ x ≤ 5000000)")]
    [InlineData(null, 1_704_067_200_000L, "EndTimeMs = 1704067200000 is out of range (StartTimeMs = 1704067200000 < x ≤ 253402300799999)")]
    public void Validate_WhenTheLengthIsWrong_ExplainsWhatIsAllowed(int? barCount, long? endTimeMs, string expected)
    {
        var options = Valid with { BarCount = barCount, EndTimeMs = endTimeMs };

        options.Validate().ShouldContain(expected);
    }

    [Fact]
    public void Validate_WhenTheSpanHasTooManyBars_SuggestsAShorterSpanOrLongerTimeframe()
    {
        var options = Valid with { Timeframe = Timeframe.M1, BarCount = null, EndTimeMs = DemoDataset.StartTimeMs + (20L * 365 * Timeframe.DayMs) };

        options.Validate().ShouldHaveSingleItem().ShouldContain("more than the maximum (5000000)");
    }

    [Fact]
    public void Validate_WhenTimeframeIsMissing_ListsTheAllowedTimeframes()
    {
        (Valid with { Timeframe = default }).Validate()
            .ShouldContain("Timeframe is not set (allowed: 1m 3m 5m 15m 30m 1h 2h 4h 6h 12h 1d 1w)");
    }

    [Fact]
    public void Validate_WhenSymbolsAreMissingOrRepeated_SaysSo()
    {
        (Valid with { Symbols = [] }).Validate().ShouldContain("Symbols is empty (allowed: 1 to 32 symbols, e.g. SYNTH:BTCUSDT)");
        (Valid with { Symbols = [Valid.Symbols[0], Valid.Symbols[0]], Correlation = null }).Validate()
            .ShouldContain("Symbols[1].Symbol = SYNTH:BTCUSDT appears more than once (each symbol once)");
    }

    [Fact]
    public void Validate_WhenTickIsTooCoarseForTheStartPrice_SaysHowManyTicksAreNeeded()
    {
        var options = WithFirstSymbol(s => s with { StartPrice = 5m, TickSize = 0.1m });

        options.Validate().ShouldHaveSingleItem().ShouldStartWith("Symbols[0].TickSize = 0.1 gives StartPrice / TickSize = 50");
    }

    [Fact]
    public void Validate_WhenSymbolNumbersAreOutOfRange_NamesEachOne()
    {
        var options = WithFirstSymbol(s => s with { TickSize = -1m, VolumeScale = 0m, Beta = double.NaN, VolatilityMultiplier = 0, VolumeDecimals = 9 });

        var errors = options.Validate();

        errors.ShouldContain("Symbols[0].TickSize = -1 is out of range (x > 0, e.g. 0.01)");
        errors.ShouldContain("Symbols[0].VolumeScale = 0 is out of range (0 < x ≤ 1000000000000 base units per hour)");
        errors.ShouldContain("Symbols[0].Beta = NaN is out of range (0 ≤ x ≤ 5)");
        errors.ShouldContain("Symbols[0].VolatilityMultiplier = 0 is out of range (0 < x ≤ 10)");
        errors.ShouldContain("Symbols[0].VolumeDecimals = 9 is out of range (0 ≤ x ≤ 8)");
    }

    [Fact]
    public void Validate_WhenRegimeSettingsAreWrong_NamesTheRegimeAndTheSetting()
    {
        var regimes = SyntheticRegimeSettings.Default with
        {
            Panic = SyntheticRegimeSettings.Default.Panic with { AnnualVolatility = 0 },
            Transitions =
            [
                [0.10, 0.25, 0.50, 0.15],
                [0.25, 0.00, 0.55, 0.20],
                [0.45, 0.40, 0.00, 0.25],
                [0.10, 0.50, 0.40, 0.00],
            ],
        };

        var errors = (Valid with { Regimes = regimes }).Validate();

        errors.ShouldContain("Regimes.Panic.AnnualVolatility = 0 is out of range (0 < x ≤ 10)");
        errors.ShouldContain("Regimes.Transitions[TrendUp][TrendUp] = 0.1 must be 0 (how long a regime lasts is set by ExpectedDurationDays)");
        errors.ShouldContain("Regimes.Transitions[Range] sums to 1.1; each row must sum to 1");
    }

    [Fact]
    public void Validate_WhenJumpVolatilityOrVolumeSettingsAreWrong_NamesEachOne()
    {
        var options = Valid with
        {
            Jumps = new SyntheticJumpSettings { NegativeProbability = 1.5 },
            Volatility = new SyntheticVolatilitySettings { MaxVarianceMultiplier = 0.5 },
            Volume = new SyntheticVolumeSettings { SeasonalityStrength = -0.1 },
            SubStepsPerBar = 0,
        };

        var errors = options.Validate();

        errors.ShouldContain("Jumps.NegativeProbability = 1.5 is out of range (0 ≤ x ≤ 1)");
        errors.ShouldContain("Volatility.MaxVarianceMultiplier = 0.5 is out of range (1 ≤ x ≤ 1000)");
        errors.ShouldContain("Volume.SeasonalityStrength = -0.1 is out of range (0 ≤ x ≤ 1)");
        errors.ShouldContain("SubStepsPerBar = 0 is out of range (1 ≤ x ≤ 1000, or null for automatic)");
    }

    [Fact]
    public void Generate_WithInvalidOptions_ThrowsListingEveryProblem()
    {
        var options = WithFirstSymbol(s => s with { StartPrice = -5m }) with { BarCount = 0 };

        var error = Should.Throw<ArgumentException>(() => SyntheticSamples.Generate(options));

        error.Message.ShouldStartWith("invalid synthetic market options (2 problems)");
        error.Message.ShouldContain("Symbols[0].StartPrice = -5 is out of range (x > 0)");
        error.Message.ShouldContain("BarCount = 0 is out of range");
    }

    [Theory]
    [InlineData("5m", 6)]
    [InlineData("1h", 6)]
    [InlineData("12h", 12)]
    [InlineData("1d", 24)]
    [InlineData("1w", 168)]
    public void ResolveSubStepsPerBar_ByDefault_UsesAtLeastSixPointsAndAtMostHourlySteps(string timeframe, int expected)
    {
        (Valid with { Timeframe = Timeframe.Parse(timeframe) }).ResolveSubStepsPerBar().ShouldBe(expected);
    }

    private static SyntheticMarketOptions WithFirstSymbol(Func<SyntheticSymbolSpec, SyntheticSymbolSpec> change) =>
        Valid with { Symbols = [change(Valid.Symbols[0]), .. Valid.Symbols.Skip(1)] };
}
