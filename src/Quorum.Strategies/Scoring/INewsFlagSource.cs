using Quorum.Core.Instruments;

namespace Quorum.Strategies.Scoring;

/// <summary>
/// The news flag of setup scoring (seed 001 "отсутствие новостей": no news around the trade). A later issue implements
/// it from a news feed; until then <see cref="NoNewsFlags"/> says there is none.
/// </summary>
public interface INewsFlagSource
{
    /// <summary>
    /// How strongly news concerns <paramref name="symbol"/> at <paramref name="timeMs"/>: 0 no news, 1 major news (the
    /// setup's news part then scores 0). Must be deterministic in its inputs and must not read the wall clock.
    /// </summary>
    double Severity(Symbol symbol, long timeMs);
}
