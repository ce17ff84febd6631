using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Outloop.Storage;

namespace Outloop.Ingestion.Aider;

/// <summary>
/// Turns the lines of an Aider chat history into the model. A session starts at <c># aider chat started at</c>
/// (a file without one, such as a published transcript, is one session from its first request). Each user request
/// (<c>#### </c> lines; consecutive ones are one multi-line message) starts a task; <c>/run</c>, <c>/test</c> and
/// <c>!</c> commands are tool calls whose output runs until the next request, session or "Add the output" question,
/// failed when it shows an error; an automatic lint report (<c># Fix any errors below</c>) is a failed <c>lint</c>
/// call; each SEARCH/REPLACE block is an <c>edit</c> call writing its file; <c>&gt; Tokens:</c> lines are model
/// requests with the cost Aider reported. Aider writes local times without a zone: they are taken as UTC.
/// </summary>
internal sealed class AiderParser(SourceFile file, AiderParserState state, IStoreWriter writer)
{
    private const string Agent = AiderAdapter.Agent;
    private const string SessionHeader = "# aider chat started at ";
    private const int MaxOutputChars = 256 * 1024;
    private const int MaxDescriptionChars = 2000;

    /// <summary>Text in command output that says the command failed.</summary>
    internal static readonly string[] FailureMarkers =
    [
        "Traceback (most recent call last)", "FAILED", " failed", "Error:", "error:", "command not found",
        "No such file or directory", "non-zero exit", "exit code: 1",
    ];

    private static readonly string[] Requests = ["/ask", "/code", "/architect", "/context"];

    private static readonly string[] ModelPrefixes = ["> Model: ", "> Main model: ", "> Models: "];

    private readonly string _pathKey = StoredText.PathKey(file.Path);
    private string? _sessionId = state.SessionId;
    private DateTimeOffset _time = state.SessionStart ?? file.LastWrite;
    private string? _taskId = state.TaskId;
    private string? _model = state.Model;
    private StringBuilder? _description;
    private bool _previousWasRequest;
    private bool _inLintReply;

    private OpenCall? _call;
    private string? _previous;
    private string? _beforePrevious;
    private bool _editBlock;

    public AiderParserState State => new(_sessionId, _sessionId is null ? null : _time, _taskId, _model);

    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Line(string raw, long number)
    {
        var line = raw.TrimEnd();
        if (_editBlock)
        {
            // Inside an edit block nothing is chat; a request, a new session or a token report means the reply was cut off.
            if (line.StartsWith(">>>>>>> ", StringComparison.Ordinal))
            {
                _editBlock = false;
                return;
            }

            if (!line.StartsWith(SessionHeader, StringComparison.Ordinal) && !line.StartsWith("#### ", StringComparison.Ordinal)
                && !line.StartsWith("> Tokens: ", StringComparison.Ordinal))
            {
                return;
            }

            _editBlock = false;
        }

        if (line.StartsWith(SessionHeader, StringComparison.Ordinal))
        {
            EndRequest();
            CloseCall();
            StartSession(line[SessionHeader.Length..], number);
        }
        else if (line.StartsWith("####", StringComparison.Ordinal) && (line.Length == 4 || line[4] == ' '))
        {
            CloseCall();
            Request(line.Length > 5 ? line[5..] : string.Empty, number);
            Remember(line);
            return;
        }
        else if (_call is { } call && !call.Lint && (line.StartsWith("> Add the output to the chat?", StringComparison.Ordinal)
                                                    || line.StartsWith("> Add command output to the chat?", StringComparison.Ordinal)))
        {
            CloseCall();
        }
        else if (line.StartsWith("<<<<<<< SEARCH", StringComparison.Ordinal) || line.StartsWith("<<<<<<< ORIGINAL", StringComparison.Ordinal))
        {
            var path = _previous is { } p && (p.StartsWith("```", StringComparison.Ordinal) || p.StartsWith("<source", StringComparison.Ordinal)) ? _beforePrevious : _previous;
            if (_sessionId is not null && !string.IsNullOrWhiteSpace(path))
            {
                WriteEdit(path.Trim(), number);
                _editBlock = true;
            }
        }
        else if (line.StartsWith("> Tokens: ", StringComparison.Ordinal))
        {
            Tokens(line, number);
        }
        else if (ModelName(line) is { } model)
        {
            _model = model;
        }
        else if (line.StartsWith("> # Fix any errors below", StringComparison.Ordinal) && _sessionId is not null)
        {
            CloseCall();
            _call = new OpenCall($"{_sessionId}:L{number}", "lint", string.Empty, true, new StringBuilder());
        }
        else if (_call is { Lint: true } lint && line.StartsWith("> Fix lint errors in", StringComparison.Ordinal))
        {
            CloseCall();
        }
        else if (_call is { } open)
        {
            if (open.Lint && open.Command.Length == 0 && line.StartsWith("> ## Running: ", StringComparison.Ordinal))
            {
                _call = open with { Command = line["> ## Running: ".Length..] };
            }

            if (open.Output.Length < MaxOutputChars)
            {
                open.Output.Append(raw).Append('\n');
            }
        }

        EndRequestLines();
        Remember(line);
    }

    /// <summary>Writes what is still open at the end of the file (its output is all there is so far).</summary>
    public void Finish()
    {
        EndRequest();
        CloseCall();
    }

    internal static bool IsFailure(string output)
    {
        foreach (var marker in FailureMarkers)
        {
            if (output.Contains(marker, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void Remember(string line)
    {
        if (line.Length == 0)
        {
            return;
        }

        _beforePrevious = _previous;
        _previous = line;
    }

    private void StartSession(string when, long number)
    {
        _sessionId = $"{Agent}:{_pathKey}:L{number}";
        _time = DateTimeOffset.TryParse(when.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : file.LastWrite;
        _taskId = null;
        _model = null;
        writer.UpsertSession(new SessionRecord(_sessionId, Agent, null, null, _time, _time, Version: null));
    }

    private void Request(string text, long number)
    {
        if (_sessionId is null)
        {
            // A transcript without a session header (a published example): the whole file is one session.
            _sessionId = $"{Agent}:{_pathKey}:L0";
            writer.UpsertSession(new SessionRecord(_sessionId, Agent, null, null, _time, _time, Path.GetFileNameWithoutExtension(file.Path)));
        }

        var command = text.TrimStart();
        if (command.StartsWith("/run", StringComparison.Ordinal) || command.StartsWith("/test", StringComparison.Ordinal) || command.StartsWith('!'))
        {
            var name = command.StartsWith("/test", StringComparison.Ordinal) ? "test" : "run";
            var args = command.StartsWith('!') ? command[1..] : command[(command.IndexOf(' ') is var space and > 0 ? space : command.Length)..];
            EndRequest();
            _call = new OpenCall($"{_sessionId}:L{number}", name, args.Trim(), false, new StringBuilder());
            return;
        }

        if (command.StartsWith('/') && !Requests.Any(r => command.StartsWith(r + " ", StringComparison.Ordinal)))
        {
            EndRequest();
            return;
        }

        if (_inLintReply)
        {
            return;
        }

        if (_previousWasRequest && _taskId is not null && _description is not null)
        {
            if (_description.Length < MaxDescriptionChars)
            {
                _description.Append('\n').Append(text);
            }
        }
        else if (command.StartsWith("# Fix any errors below", StringComparison.Ordinal) && _taskId is not null)
        {
            // Aider's automatic reply with lint errors (all its lines) continues the task that caused them.
            EndRequest();
            _inLintReply = true;
            return;
        }
        else
        {
            EndRequest();
            _taskId = $"{_sessionId}:L{number}";
            _description = new StringBuilder(text);
        }

        _previousWasRequest = true;
    }

    /// <summary>Writes the task of the request that just ended (once, with all of its lines).</summary>
    private void EndRequest()
    {
        if (_previousWasRequest && _taskId is not null && _sessionId is not null && _description is not null)
        {
            writer.UpsertTask(new TaskRecord(_taskId, _sessionId, Agent, StoredText.Prepare(StoredText.Shorten(_description.ToString(), MaxDescriptionChars)), _time, WorkflowType: Agent));
        }

        _previousWasRequest = false;
    }

    /// <summary>A line that is not a request ends a multi-line request and Aider's automatic lint reply.</summary>
    private void EndRequestLines()
    {
        EndRequest();
        _inLintReply = false;
    }

    private void CloseCall()
    {
        if (_call is not { } call || _sessionId is null)
        {
            _call = null;
            return;
        }

        _call = null;
        var output = call.Output.ToString();
        var failed = call.Lint || IsFailure(output);
        var text = StoredText.Prepare(output);
        writer.UpsertToolCall(new ToolCallRecord(
            call.Id, _sessionId, _taskId, Agent, call.Name, _time, StoredText.CommandJson(call.Command),
            failed ? null : text, failed ? text : null, !failed, ResultBytes: Encoding.UTF8.GetByteCount(output), EndedAt: _time));
    }

    private void WriteEdit(string path, long number)
    {
        if (_sessionId is null)
        {
            return;
        }

        var id = $"{_sessionId}:L{number}";
        var redacted = StoredText.Prepare(path)!;
        writer.UpsertToolCall(new ToolCallRecord(id, _sessionId, _taskId, Agent, "edit", _time, StoredText.CommandJson(path, "path")));
        writer.AddFileAccess(new FileAccessRecord(id, _sessionId, _taskId, redacted, FileAccessKind.Write, _time));
    }

    private void Tokens(string line, long number)
    {
        if (_sessionId is null)
        {
            return;
        }

        long sent = 0, received = 0, cacheWrite = 0, cacheRead = 0;
        var costAt = line.IndexOf("Cost:", StringComparison.Ordinal);
        var counts = costAt < 0 ? line["> Tokens: ".Length..] : line["> Tokens: ".Length..costAt];
        foreach (var part in counts.Split(", ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || Count(part[..space]) is not { } value)
            {
                continue;
            }

            var kind = part[(space + 1)..].TrimEnd('.', ' ');
            switch (kind)
            {
                case "sent": sent = value; break;
                case "received": received = value; break;
                case "cache write": cacheWrite = value; break;
                case "cache hit" or "cached": cacheRead = value; break;
                default: break;
            }
        }

        decimal? cost = null;
        if (costAt >= 0)
        {
            var dollar = line.IndexOf('$', costAt);
            var end = dollar < 0 ? -1 : line.IndexOf(' ', dollar);
            if (dollar >= 0 && decimal.TryParse(end < 0 ? line[(dollar + 1)..] : line[(dollar + 1)..end], NumberStyles.Float, CultureInfo.InvariantCulture, out var c))
            {
                cost = c;
            }
        }

        writer.UpsertModelRequest(new ModelRequestRecord(
            $"{_sessionId}:L{number}", _sessionId, _taskId, Agent, _model ?? "unknown", _time,
            new TokenCounts(sent, received, cacheWrite, 0, cacheRead), SourceCostUsd: cost));
    }

    /// <summary>A count as Aider prints it: <c>5,244</c>, <c>12k</c>, <c>2.6k</c>, <c>1.2M</c>.</summary>
    private static long? Count(string text)
    {
        var multiplier = 1m;
        if (text.EndsWith('k'))
        {
            multiplier = 1000m;
            text = text[..^1];
        }
        else if (text.EndsWith('M'))
        {
            multiplier = 1_000_000m;
            text = text[..^1];
        }

        return decimal.TryParse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? (long)Math.Round(value * multiplier)
            : null;
    }

    private static string? ModelName(string line)
    {
        if (!line.StartsWith("> M", StringComparison.Ordinal))
        {
            return null; // most lines: no array of prefixes tried
        }

        foreach (var prefix in ModelPrefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = line[prefix.Length..];
                var with = rest.IndexOf(" with ", StringComparison.Ordinal);
                var comma = rest.IndexOf(',', StringComparison.Ordinal);
                var end = with >= 0 ? with : comma >= 0 ? comma : rest.Length;
                return rest[..end].Trim();
            }
        }

        return null;
    }

    private sealed record OpenCall(string Id, string Name, string Command, bool Lint, StringBuilder Output);
}
