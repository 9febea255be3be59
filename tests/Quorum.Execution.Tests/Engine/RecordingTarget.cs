using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;
using Quorum.Execution.Engine;

namespace Quorum.Execution.Tests.Engine;

/// <summary>One event a replay delivered, with the clock at delivery.</summary>
internal sealed record ReplayedEvent(long ClockMs, Symbol Symbol, Timeframe? Timeframe, long OpenTimeMs, BarRole Role, FundingRate? Funding, string? Timer)
{
    public long EventTimeMs => Funding?.FundingTimeMs ?? (Timeframe is { } tf ? tf.CloseTime(OpenTimeMs) : ClockMs);

    public bool IsBar => Timeframe is not null;

    /// <summary><c>04:00 BINANCE:BTCUSDT 1h@03:00 Deliver</c>, <c>04:00 funding BINANCE:ETHUSDT.P</c>, <c>04:00 timer X</c>.</summary>
    public override string ToString() =>
        Timer is not null ? $"{Hm(ClockMs)} timer {Timer}"
        : Funding is not null ? $"{Hm(ClockMs)} funding {Symbol}"
        : $"{Hm(ClockMs)} {Symbol} {Timeframe}@{Hm(OpenTimeMs)} {Role}";

    public static string Hm(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Records what a <see cref="BacktestLoop"/> delivers (and, through <see cref="Timer"/>, scheduler callbacks) in one list.</summary>
internal sealed class RecordingTarget(TimeProvider clock) : IMarketReplayTarget
{
    public List<ReplayedEvent> Events { get; } = [];

    public Action<ReplayedEvent>? OnEvent { get; init; }

    public void OnReplayBar(Symbol symbol, Timeframe timeframe, in Bar bar, BarRole role) =>
        Add(new ReplayedEvent(clock.GetUtcNow().ToUnixTimeMilliseconds(), symbol, timeframe, bar.OpenTimeMs, role, null, null));

    public void OnReplayFunding(FundingRate rate) =>
        Add(new ReplayedEvent(clock.GetUtcNow().ToUnixTimeMilliseconds(), rate.Symbol, null, 0, BarRole.None, rate, null));

    /// <summary>A scheduler callback that records itself as <paramref name="name"/> (and the time it was due).</summary>
    public Action<long> Timer(string name) => due =>
        Add(new ReplayedEvent(clock.GetUtcNow().ToUnixTimeMilliseconds(), default, null, due, BarRole.None, null, name));

    public IEnumerable<string> Lines => Events.Select(e => e.ToString());

    /// <summary>SHA-256 over every event's full content (times, symbol, timeframe, OHLCV-free identity, role, funding rate).</summary>
    public string Hash()
    {
        var text = new StringBuilder();
        foreach (var e in Events)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.ClockMs}|{e.Symbol}|{e.Timeframe}|{e.OpenTimeMs}|{e.Role}|{e.Funding?.Rate}|{e.Timer}\n");
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private void Add(ReplayedEvent replayed)
    {
        Events.Add(replayed);
        OnEvent?.Invoke(replayed);
    }
}
