namespace Quorum.Configuration;

/// <summary>
/// One problem found in a configuration file or in the environment.
/// </summary>
/// <param name="File">The file name (<c>governance.yaml</c>), or <c>environment</c> for environment variables.</param>
/// <param name="Key">Dotted key path, e.g. <c>symbols[2].min_qty</c>; empty for whole-file problems.</param>
/// <param name="Value">The offending value as written (quoted if it was a quoted string), or null when there is none.</param>
/// <param name="Allowed">What would have been accepted: a range (<c>0 &lt; x ≤ 10</c>), a list of names, or a rule.</param>
/// <param name="Kind">The kind of problem; decides the wording of <see cref="ToString"/>.</param>
public sealed record ConfigError(string File, string Key, string? Value, string Allowed, ConfigErrorKind Kind)
{
    /// <summary>1-based line of the offending node, when known.</summary>
    public int? Line { get; init; }

    /// <summary>1-based column of the offending node, when known.</summary>
    public int? Column { get; init; }

    /// <summary>
    /// One line naming the file, the key, the value and what is allowed, e.g.
    /// <c>governance.yaml: max_daily_loss_pct = 25 is out of range (0 &lt; x ≤ 10)</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        ConfigErrorKind.FileUnreadable => $"{File}: cannot read {Value} ({Allowed})",
        ConfigErrorKind.Syntax => $"{File}: invalid YAML{Position()}: {Value} ({Allowed})",
        ConfigErrorKind.UnknownKey => $"{File}: {Key} is not a known key ({Allowed})",
        ConfigErrorKind.MissingKey => $"{Subject()} is missing (required: {Allowed})",
        ConfigErrorKind.WrongType => $"{Subject()} = {Value} is not {Allowed}",
        ConfigErrorKind.OutOfRange => $"{Subject()} = {Value} is out of range ({Allowed})",
        ConfigErrorKind.NotAllowed => $"{Subject()} = {Value} is not allowed (allowed: {Allowed})",
        ConfigErrorKind.Invalid => $"{Subject()} = {Value} is invalid ({Allowed})",
        ConfigErrorKind.Duplicate => $"{Subject()} = {Value} is a duplicate ({Allowed})",
        ConfigErrorKind.Rule => $"{Subject()} = {Value} breaks a rule ({Allowed})",
        _ => $"{Subject()} = {Value} ({Allowed})",
    };

    private string Subject() => Key.Length == 0 ? $"{File}: (document)" : $"{File}: {Key}";

    private string Position() => Line is { } line ? $" at line {line}, column {Column ?? 0}" : string.Empty;
}
