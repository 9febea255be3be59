using System.Globalization;
using System.Text;
using System.Text.Json;
using Quorum.Data;

namespace Quorum.Risk.Governance;

/// <summary>
/// The governor's state (kill switch, daily lock) in a small JSON file, replaced atomically on every change (<see cref="AtomicFile"/>), with an
/// append-only audit log of unlocks beside it (<c>&lt;name&gt;.audit.log</c>, one JSON object per line).
/// </summary>
public sealed class FileGovernorStateStore : IGovernorStateStore
{
    /// <summary>Default file name inside the risk state folder.</summary>
    public const string DefaultFileName = "governor-state.json";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    public FileGovernorStateStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        StatePath = Path.GetFullPath(path);
        AuditPath = Path.ChangeExtension(StatePath, ".audit.log");
    }

    /// <summary>The state file.</summary>
    public string StatePath { get; }

    /// <summary>The audit log of unlocks, next to the state file.</summary>
    public string AuditPath { get; }

    public GovernorState? Load()
    {
        if (!File.Exists(StatePath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(StatePath));
            var root = document.RootElement;
            return new GovernorState(
                root.GetProperty("kill_switch_engaged").GetBoolean(),
                OptionalTime(root, "kill_switch_engaged_at_ms"),
                root.GetProperty("kill_switch_reason").GetString() ?? string.Empty,
                OptionalTime(root, "daily_lock_until_ms"),
                root.GetProperty("daily_lock_reason").GetString() ?? string.Empty,
                root.GetProperty("governance_sha256").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(
                $"kill-switch state {StatePath} is not valid (expected a JSON object with kill_switch_engaged, kill_switch_engaged_at_ms, kill_switch_reason, daily_lock_until_ms, daily_lock_reason, governance_sha256): {e.Message}", e);
        }
    }

    public void Save(GovernorState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        AtomicFile.Write(StatePath, stream =>
        {
            using var json = new Utf8JsonWriter(stream, WriterOptions);
            json.WriteStartObject();
            json.WriteBoolean("kill_switch_engaged", state.KillSwitchEngaged);
            WriteTime(json, "kill_switch_engaged_at", state.KillSwitchEngagedAtMs);
            json.WriteString("kill_switch_reason", state.KillSwitchReason);
            WriteTime(json, "daily_lock_until", state.DailyLockUntilMs);
            json.WriteString("daily_lock_reason", state.DailyLockReason);
            json.WriteString("governance_sha256", state.GovernanceSha256);
            json.WriteEndObject();
        });
    }

    public void AppendAudit(KillSwitchUnlock unlock)
    {
        ArgumentNullException.ThrowIfNull(unlock);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("event", "kill_switch_unlock");
            WriteTime(json, "time", unlock.TimeMs);
            json.WriteString("operator", unlock.Operator);
            json.WriteString("reason", unlock.Reason);
            WriteTime(json, "engaged_at", unlock.EngagedAtMs);

            json.WriteString("engaged_reason", unlock.EngagedReason);
            json.WriteString("governance_sha256", unlock.GovernanceSha256);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        Directory.CreateDirectory(Path.GetDirectoryName(AuditPath)!);
        using var file = new FileStream(AuditPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        file.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
        file.Flush(flushToDisk: true);
    }

    public IReadOnlyList<KillSwitchUnlock> ReadAudit()
    {
        if (!File.Exists(AuditPath))
        {
            return [];
        }

        var unlocks = new List<KillSwitchUnlock>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(AuditPath, Encoding.UTF8))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                unlocks.Add(new KillSwitchUnlock(
                    root.GetProperty("time_ms").GetInt64(),
                    root.GetProperty("operator").GetString() ?? string.Empty,
                    root.GetProperty("reason").GetString() ?? string.Empty,
                    OptionalTime(root, "engaged_at_ms"),
                    root.GetProperty("engaged_reason").GetString() ?? string.Empty,
                    root.GetProperty("governance_sha256").GetString() ?? string.Empty));
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException($"kill-switch audit log {AuditPath} line {lineNumber} is not a valid unlock record: {e.Message}", e);
            }
        }

        return unlocks;
    }

    private static long? OptionalTime(JsonElement root, string name) =>
        root.GetProperty(name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt64() : null;

    /// <summary>Writes <c>&lt;name&gt;_ms</c> (or null) and, when set, <c>&lt;name&gt;</c> as an ISO-8601 UTC time for people reading the file.</summary>
    private static void WriteTime(Utf8JsonWriter json, string name, long? timeMs)
    {
        if (timeMs is { } ms)
        {
            json.WriteNumber(name + "_ms", ms);
            json.WriteString(name, DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
        }
        else
        {
            json.WriteNull(name + "_ms");
        }
    }
}
