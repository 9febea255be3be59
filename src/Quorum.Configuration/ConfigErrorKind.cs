namespace Quorum.Configuration;

/// <summary>What kind of problem a <see cref="ConfigError"/> reports; decides how its message reads.</summary>
public enum ConfigErrorKind
{
    /// <summary>The file does not exist or cannot be read.</summary>
    FileUnreadable,

    /// <summary>The file is not well-formed YAML (line and column from the parser).</summary>
    Syntax,

    /// <summary>A key that the schema does not know (usually a typo).</summary>
    UnknownKey,

    /// <summary>A required key is absent.</summary>
    MissingKey,

    /// <summary>A value of the wrong type, e.g. text where a number belongs.</summary>
    WrongType,

    /// <summary>A number outside its allowed range.</summary>
    OutOfRange,

    /// <summary>A value that is not one of the allowed names (an enumeration, a regime, a strategy).</summary>
    NotAllowed,

    /// <summary>A value whose format is wrong (a symbol, a host name, a time zone).</summary>
    Invalid,

    /// <summary>A value that appears twice where each must be unique.</summary>
    Duplicate,

    /// <summary>A value that contradicts another key (a cross-field rule).</summary>
    Rule,
}
