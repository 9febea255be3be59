using System.Text;
using System.Text.Json;
using Quorum.Data;

namespace Quorum.Risk.Governance;

/// <summary>
/// The kill switch in a small JSON file, replaced atomically on every change (<see cref="AtomicFile"/>), with an
/// append-only audit log of unlocks beside it (<c>&lt;name&gt;.audit.log</c>, one JSON object per line).
/// </summary>
public sealed class FileKillSwitchStore : IKillSwitchStore
{
    /// <summary>Default file name inside the risk state folder.</summary>
    public const string DefaultFileName = "kill-switch.json";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    public FileKillSwitchStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        StatePath = Path.GetFullPath(path);
        AuditPath = Path.ChangeExtension(StatePath, ".audit.log");
    }

    /// <summary>The state file.</summary>
    public string StatePath { get; }

    /// <summary>The audit log of unlocks, next to the state file.</summary>
    public string AuditPath { get; }

    public KillSwitchState? Load()
    {
        if (!File.Exists(StatePath))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(StatePath));
            var root = document.RootElement;
            return new KillSwitchState(
                root.GetProperty("engaged").GetBoolean(),
                root.GetProperty("engaged_at_ms") is { ValueKind: JsonValueKind.Number } at ? at.GetInt64() : null,
                root.GetProperty("reason").GetString() ?? string.Empty,
                root.GetProperty("governance_sha256").GetString() ?? string.Empty);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException(
                $"kill-switch state {StatePath} is not valid (expected a JSON object with engaged, engaged_at_ms, reason, governance_sha256): {e.Message}", e);
        }
    }

    public void Save(KillSwitchState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        AtomicFile.Write(StatePath, stream =>
        {
            using var json = new Utf8JsonWriter(stream, WriterOptions);
            json.WriteStartObject();
            json.WriteBoolean("engaged", state.Engaged);
            if (state.EngagedAtMs is { } at)
            {
                json.WriteNumber("engaged_at_ms", at);
                json.WriteString("engaged_at", DateTimeOffset.FromUnixTimeMilliseconds(at).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                json.WriteNull("engaged_at_ms");
            }

            json.WriteString("reason", state.Reason);
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
            json.WriteNumber("time_ms", unlock.TimeMs);
            json.WriteString("time", DateTimeOffset.FromUnixTimeMilliseconds(unlock.TimeMs).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("operator", unlock.Operator);
            json.WriteString("reason", unlock.Reason);
            if (unlock.EngagedAtMs is { } at)
            {
                json.WriteNumber("engaged_at_ms", at);
            }
            else
            {
                json.WriteNull("engaged_at_ms");
            }

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
                    root.GetProperty("engaged_at_ms") is { ValueKind: JsonValueKind.Number } at ? at.GetInt64() : null,
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
}
