namespace Quorum.Execution.Oms;

/// <summary>Seed 004 <c>DO_NOTHING</c>: recorded in the command log; nothing else happens.</summary>
public sealed record DoNothingCommand : OmsCommand
{
    public const string ActionName = "DO_NOTHING";

    public override string Action => ActionName;
}
