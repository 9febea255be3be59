namespace Quorum.Indicators;

/// <summary>
/// The indicator contract. Updates are O(1) (O(log N) for exact rolling quantiles), never mutate
/// their input and never allocate. Outputs are NaN exactly while <see cref="IsReady"/> is false;
/// <see cref="IsReady"/> flips when <see cref="Samples"/> reaches <see cref="WarmUpPeriod"/>.
/// A NaN or infinite input is a bug and throws, naming the indicator, the sample and the value.
/// </summary>
public interface IIndicator
{
    /// <summary>Canonical name with parameters, e.g. <c>ema_14</c>, <c>bb_20_2</c>.</summary>
    string Name { get; }

    /// <summary>Column names of the outputs, e.g. <c>ema_14</c> or <c>bb_20_2_upper</c>, <c>bb_20_2_middle</c>, …</summary>
    IReadOnlyList<string> OutputNames { get; }

    /// <summary>Number of samples after which every output is defined.</summary>
    int WarmUpPeriod { get; }

    /// <summary>Samples consumed since construction or the last <see cref="Reset"/>.</summary>
    long Samples { get; }

    bool IsReady { get; }

    /// <summary>Consumes one closed bar.</summary>
    void Update(in OhlcvPoint bar);

    /// <summary>Output number <paramref name="index"/> (in <see cref="OutputNames"/> order); NaN during warm-up.</summary>
    double GetOutput(int index);

    /// <summary>Forgets all samples.</summary>
    void Reset();
}
