using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Storage;

namespace Outloop.Tests.Ingestion;

/// <summary>Drives one source adapter over files into a real SQLite store, as the import command does, and reads the rows back.</summary>
internal static class AdapterHarness
{
    /// <summary>Imports every file the adapter reads (each in its own transaction); returns the logs.</summary>
    public static List<ImportLog> Import(ISourceAdapter adapter, IEnumerable<string> files, string storePath)
    {
        using var store = SqliteStore.Open(storePath);
        var states = store.FileStates();
        var logs = new List<ImportLog>();
        foreach (var path in files)
        {
            var info = new FileInfo(path);
            states.TryGetValue(path, out var previous);
            var log = new ImportLog(path, strict: false);
            using var w = store.BeginWrite();
            var state = adapter.Import(new SourceFile(path, info.Length, info.LastWriteTimeUtc, previous), w, log);
            w.SaveFileState(state);
            w.Commit();
            logs.Add(log);
        }

        return logs;
    }

    /// <summary>Whether the adapter claims the file from its path and first 64 KB.</summary>
    public static bool Claims(ISourceAdapter adapter, string path)
    {
        using var stream = File.OpenRead(path);
        var head = new byte[Math.Min(stream.Length, 64 * 1024)];
        stream.ReadExactly(head);
        return adapter.CanRead(path, head);
    }

    public static long Scalar(string storePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar() ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<string> Strings(string storePath, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={storePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.IsDBNull(0) ? string.Empty : reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Sessions, tasks, tool calls and failed tool calls of one agent, the counts every adapter test compares.</summary>
    public static (long Sessions, long Tasks, long ToolCalls, long Failed) Counts(string storePath, string agent) => (
        Scalar(storePath, $"SELECT count(*) FROM sessions WHERE agent = '{agent}'"),
        Scalar(storePath, $"SELECT count(*) FROM tasks WHERE agent = '{agent}'"),
        Scalar(storePath, $"SELECT count(*) FROM tool_calls WHERE agent = '{agent}'"),
        Scalar(storePath, $"SELECT count(*) FROM tool_calls WHERE agent = '{agent}' AND success = 0"));

    /// <summary>A fingerprint of every table, to show a second import changed nothing.</summary>
    public static string Fingerprint(string storePath)
    {
        var parts = new List<string>();
        foreach (var table in new[] { "sessions", "tasks", "model_requests", "tool_calls", "file_accesses", "prompts" })
        {
            parts.Add(table + ":" + Scalar(storePath, $"SELECT count(*) FROM {table}"));
        }

        parts.AddRange(Strings(storePath, "SELECT id || outcome || coalesce(outcome_evidence, '') || coalesce(description, '') FROM tasks ORDER BY id"));
        parts.AddRange(Strings(storePath, "SELECT id || coalesce(success, '') || coalesce(result_text, '') || coalesce(error_text, '') FROM tool_calls ORDER BY id"));
        parts.AddRange(Strings(storePath, "SELECT id || input_tokens || output_tokens || cache_read_tokens || coalesce(source_cost_usd, '') FROM model_requests ORDER BY id"));
        return string.Join('\n', parts);
    }
}
