namespace Quorum.Configuration;

/// <summary>
/// Where Quorum keeps its files. Paths in <c>quorum.yaml</c> may start with <c>~/</c> (the user's
/// home); empty paths take the defaults under <c>~/.quorum</c>. Relative paths are resolved against
/// the working directory.
/// </summary>
public static class QuorumPaths
{
    /// <summary>Default root of Quorum's files.</summary>
    public const string DefaultRoot = "~/.quorum";

    public const string DefaultDataDirectory = DefaultRoot + "/data";
    public const string DefaultSqliteDatabase = DefaultRoot + "/quorum.db";
    public const string DefaultLogFile = DefaultRoot + "/logs/quorum.log";

    /// <summary>The current user's home directory.</summary>
    public static string UserHome => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    /// <summary>Expands a leading <c>~</c> to <paramref name="homeDirectory"/> and returns a full path.</summary>
    public static string Expand(string path, string homeDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentException.ThrowIfNullOrEmpty(homeDirectory);
        if (path == "~")
        {
            return Path.GetFullPath(homeDirectory);
        }

        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            return Path.GetFullPath(Path.Combine(homeDirectory, path[2..]));
        }

        return Path.GetFullPath(path);
    }

    /// <summary>Market-data directory: <c>data_dir</c> (after <c>QUORUM_DATA_DIR</c>), or <c>~/.quorum/data</c>.</summary>
    public static string DataDirectory(QuorumConfig config, string homeDirectory) =>
        Expand(OrDefault(config.DataDirectory, DefaultDataDirectory), homeDirectory);

    /// <summary>SQLite database file: <c>database.sqlite.path</c>, or <c>~/.quorum/quorum.db</c>.</summary>
    public static string SqliteDatabase(QuorumConfig config, string homeDirectory) =>
        Expand(OrDefault(config.Database.SqlitePath, DefaultSqliteDatabase), homeDirectory);

    /// <summary>Log file: <c>logging.file</c>, or <c>~/.quorum/logs/quorum.log</c>.</summary>
    public static string LogFile(QuorumConfig config, string homeDirectory) =>
        Expand(OrDefault(config.Logging.File, DefaultLogFile), homeDirectory);

    private static string OrDefault(string path, string fallback) => string.IsNullOrWhiteSpace(path) ? fallback : path.Trim();
}
