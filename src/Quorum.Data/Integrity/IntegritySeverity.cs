namespace Quorum.Data.Integrity;

/// <summary>How bad an <see cref="IntegrityIssue"/> is.</summary>
public enum IntegritySeverity
{
    /// <summary>Real but expected in exchange data (gaps from outages and maintenance).</summary>
    Warning,

    /// <summary>The data is wrong or mislabelled and must not be used as is.</summary>
    Error,
}
