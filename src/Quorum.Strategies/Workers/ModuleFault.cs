using Quorum.Core.Instruments;
using Quorum.Core.Time;

namespace Quorum.Strategies.Workers;

/// <summary>
/// What is logged when a module throws: the module, where it failed (<see cref="Operation"/>: <c>on_bar</c> or
/// <c>reset</c>), the bar it was given (symbol, timeframe, open time), the exception, the failures in a row, the
/// restarts so far and when it will be restarted (UTC ms).
/// </summary>
public sealed record ModuleFault(
    string Module,
    string Operation,
    Symbol Symbol,
    Timeframe Timeframe,
    long BarOpenTimeMs,
    long AtMs,
    Exception Exception,
    int ConsecutiveFailures,
    int Restarts,
    long RetryAtMs)
{
    public override string ToString() =>
        $"module {Module} failed in {Operation} on {Symbol} {Timeframe} bar {BarOpenTimeMs} at {AtMs} " +
        $"(failure {ConsecutiveFailures} in a row, {Restarts} restarts so far; restart at {RetryAtMs}): {Exception.GetType().Name}: {Exception.Message}";
}
