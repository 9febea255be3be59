using Quorum.Core.Trading;

namespace Quorum.Strategies;

/// <summary>Where a strategy puts the signals it emits (the risk layer in a bot, a list in tests).</summary>
public interface ISignalSink
{
    void Emit(Signal signal);
}
