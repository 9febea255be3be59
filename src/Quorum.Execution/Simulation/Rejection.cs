using Quorum.Execution.Venues;

namespace Quorum.Execution.Simulation;

/// <summary>Why the exchange refuses an order or an amendment, with the venue-like reason text.</summary>
internal readonly record struct Rejection(OrderRejectCode Code, string Reason);
