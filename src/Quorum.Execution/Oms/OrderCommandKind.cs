namespace Quorum.Execution.Oms;

/// <summary>Which venue method an <see cref="OrderCommand"/> called.</summary>
public enum OrderCommandKind
{
    Submit,
    SubmitBracket,
    SubmitOco,
    Cancel,
    Amend,
}
