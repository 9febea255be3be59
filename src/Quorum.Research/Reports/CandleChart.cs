using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Research.Reports;

/// <summary>The candles of one symbol with the entries and exits of its trades.</summary>
internal sealed record CandleChart(Symbol Symbol, Timeframe Timeframe, ReadOnlyMemory<Bar> Bars, IReadOnlyList<ReportMarker> Markers);
