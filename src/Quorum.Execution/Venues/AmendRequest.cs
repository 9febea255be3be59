using Quorum.Core.Instruments;

namespace Quorum.Execution.Venues;

/// <summary>A change to a working order: new quantity (total, not remaining), limit price or trigger price; null keeps the current value.</summary>
public sealed record AmendRequest(Symbol Symbol, string ClientOrderId, decimal? Quantity = null, decimal? Price = null, decimal? StopPrice = null);
