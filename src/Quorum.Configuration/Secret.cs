using System.Diagnostics;

namespace Quorum.Configuration;

/// <summary>
/// A secret read from the environment (API key, API secret, password). It prints as <c>***</c>
/// everywhere (<see cref="ToString"/>, string interpolation, records, the debugger), so it cannot
/// reach a log by accident; the value is available only through an explicit <see cref="Reveal"/>.
/// </summary>
[DebuggerDisplay("***")]
public sealed class Secret
{
    /// <summary>What a secret prints as.</summary>
    public const string Redacted = "***";

    private readonly string _value;

    public Secret(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    /// <summary>The secret value. Call it only where the value is handed to the API that needs it.</summary>
    public string Reveal() => _value;

    public override string ToString() => Redacted;
}
