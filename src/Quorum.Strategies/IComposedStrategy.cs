namespace Quorum.Strategies;

/// <summary>
/// A strategy that runs other strategies inside and emits only what it derives from their signals (the seed-000
/// <c>cluster</c>). Its inner signals are real signals (each one is built, with its metadata, when a module fires), so a
/// bar on which an inner strategy fired is not a silent bar even when nothing comes out: the registry-wide allocation
/// check counts it as a signal bar.
/// </summary>
internal interface IComposedStrategy
{
    /// <summary>Signals the inner strategies have emitted so far.</summary>
    long InnerSignalCount { get; }
}
