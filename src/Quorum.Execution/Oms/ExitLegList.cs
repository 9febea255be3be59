namespace Quorum.Execution.Oms;

/// <summary>A trade's exit legs — its take-profits in order, then its stop — enumerable by <c>foreach</c> without allocating.</summary>
internal readonly struct ExitLegList(List<ExitLeg> takeProfits, ExitLeg stop)
{
    public Enumerator GetEnumerator() => new(takeProfits, stop);

    public struct Enumerator(List<ExitLeg> takeProfits, ExitLeg stop)
    {
        private int _index = -1;

        public readonly ExitLeg Current => _index < takeProfits.Count ? takeProfits[_index] : stop;

        public bool MoveNext() => ++_index <= takeProfits.Count;
    }
}
