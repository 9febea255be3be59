using Quorum.Core.Trading;

namespace Quorum.Strategies.Tests;

/// <summary>A signal sink that keeps what it gets.</summary>
internal sealed class SignalList : ISignalSink
{
    public List<Signal> Signals { get; } = [];

    public void Emit(Signal signal) => Signals.Add(signal);
}
