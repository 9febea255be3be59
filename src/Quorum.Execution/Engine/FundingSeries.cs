using Quorum.Core.Instruments;
using Quorum.Core.MarketData;

namespace Quorum.Execution.Engine;

/// <summary>The funding rates of one symbol in a <see cref="MarketReplay"/>, in strictly increasing time.</summary>
public sealed record FundingSeries(Symbol Symbol, IReadOnlyList<FundingRate> Rates);
