using Quorum.Core.Instruments;
using Quorum.Core.MarketData;
using Quorum.Core.Time;

namespace Quorum.Strategies.Workers;

/// <summary>A closed bar of one (symbol, timeframe) pair, as posted to a <see cref="ModuleWorker"/>.</summary>
public readonly record struct ModuleBar(Symbol Symbol, Timeframe Timeframe, Bar Bar);
