using Quorum.Core.Instruments;
using Quorum.Core.Trading;
using Quorum.Execution.Venues;

namespace Quorum.Execution.Oms;

/// <summary>
/// One command the OMS sent to the venue, raised just before the venue call (so a listener can time
/// the closed-bar → order latency). <see cref="Request"/> is the order of a submit (the entry of a
/// bracket, the first leg of an OCO); <see cref="Amend"/> the change of an amend.
/// </summary>
public sealed record OrderCommand(
    OrderCommandKind Kind,
    string ClientOrderId,
    Symbol Symbol,
    long TimeMs,
    OrderRequest? Request = null,
    AmendRequest? Amend = null,
    string? ListId = null);
