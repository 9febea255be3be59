using System.Threading.Channels;
using Quorum.Core.Trading;

namespace Quorum.Strategies.Workers;

/// <summary>A signal sink that writes into a channel (seed 000: the workers put their signals into a queue).</summary>
public sealed class ChannelSignalSink(ChannelWriter<Signal> writer) : ISignalSink
{
    private readonly ChannelWriter<Signal> _writer = writer ?? throw new ArgumentNullException(nameof(writer));

    /// <summary>Writes the signal; throws when the channel refuses it (completed, or a full bounded channel).</summary>
    public void Emit(Signal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!_writer.TryWrite(signal))
        {
            throw new InvalidOperationException($"the signal queue refused a signal of {signal.Strategy} ({signal}): it is completed or full; give the workers an unbounded channel");
        }
    }
}
