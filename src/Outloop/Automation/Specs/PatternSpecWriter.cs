using Outloop.Automation.Candidates;
using Outloop.Automation.Tools;
using Outloop.Patterns;
using Outloop.Storage;

namespace Outloop.Automation.Specs;

/// <summary>
/// Writes pattern specs from the store into <c>PROJECT/.outloop/patterns/</c> and keeps them and the store in step:
/// a status a person edited in a spec is checked against <see cref="PatternLifecycle"/> and recorded (by whom, when)
/// before the file is written again; in aggressive mode a draft at or above the confidence threshold is approved.
/// </summary>
/// <remarks>
/// A spec's status counts as edited when it differs from the last status of its own history: the file as Outloop
/// wrote it always ends with the status it shows. So a stale file (the store moved on, e.g. to quarantined) is not
/// mistaken for an edit and cannot undo the store's change.
/// </remarks>
internal sealed class PatternSpecWriter(SqlitePatternStore patterns, SqliteToolStore? tools, string project, PatternSpecOptions options, TimeProvider? clock = null)
{
    private readonly TimeProvider _time = clock ?? TimeProvider.System;

    public string Folder => Path.Combine(Path.GetFullPath(project), PatternSpecFile.Folder);

    /// <summary>Writes the spec of one pattern, first taking over a status edited in its existing file (recorded as <paramref name="editor"/>).</summary>
    public SpecWriteResult Write(string id, string editor)
    {
        var path = PatternSpecFile.PathFor(project, id);
        if (patterns.Find(id) is null)
        {
            throw new OutloopException($"No pattern {id}: list them with `outloop patterns` (run `outloop backfill` first).");
        }

        var changes = new List<StatusChange>();
        DateTimeOffset? created = null;
        if (File.Exists(path))
        {
            var existing = PatternSpecFile.Load(path);
            created = existing.Created;
            if (EditedStatus(existing) is { } edited && edited != patterns.Find(id)!.Value.Status)
            {
                changes.Add(MoveFromFile(path, id, edited, editor));
            }
        }

        var (pattern, status) = patterns.Find(id)!.Value;
        if (options.Aggressive && status is PatternStatus.Detected or PatternStatus.Candidate && pattern.Confidence >= options.AutoApproveConfidence)
        {
            changes.Add(PatternLifecycle.Move(patterns, id, PatternStatus.Approved, PatternSpecOptions.AutoApprover, _time.GetUtcNow(),
                $"confidence {pattern.Confidence} >= {options.AutoApproveConfidence} (patterns.autoApproveConfidence) in aggressive mode"));
        }

        var spec = Build(id, created);
        PatternSpecFile.Save(path, spec);
        return new SpecWriteResult(path, spec, changes);
    }

    /// <summary>Marks the automation candidates (config <c>automation.*</c>) and writes a spec for each.</summary>
    public List<SpecWriteResult> WriteCandidates(string editor)
    {
        var candidates = CandidateFinder.FindAndMark(patterns, options.Candidates, _time.GetUtcNow());
        return [.. candidates.Select(c => Write(c.Pattern.Id, editor))];
    }

    /// <summary>Moves a pattern along its lifecycle (approve, reject, deprecate...) and writes its spec again.</summary>
    public SpecWriteResult ChangeStatus(string id, string to, string by, string? reason)
    {
        var path = PatternSpecFile.PathFor(project, id);
        DateTimeOffset? created = File.Exists(path) ? PatternSpecFile.Load(path).Created : null;
        var from = patterns.Find(id)?.Status;
        var change = PatternLifecycle.Move(patterns, id, to, by, _time.GetUtcNow(), reason);
        FreshStartAfterQuarantine(id, from);
        var spec = Build(id, created);
        PatternSpecFile.Save(path, spec);
        return new SpecWriteResult(path, spec, [change]);
    }

    /// <summary>Reads every spec in the folder, records the statuses people edited, and writes each spec again.</summary>
    public List<SpecWriteResult> Sync(string editor)
    {
        var results = new List<SpecWriteResult>();
        if (!Directory.Exists(Folder))
        {
            return results;
        }

        foreach (var path in Directory.EnumerateFiles(Folder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            results.Add(patterns.Find(id) is null
                ? new SpecWriteResult(path, null, [], $"no pattern {id} in the store (gone since the last backfill?); the file was left as it is")
                : Write(id, editor));
        }

        return results;
    }

    /// <summary>The spec of a pattern as it stands in the store.</summary>
    public PatternSpec Build(string id, DateTimeOffset? created = null)
    {
        var (pattern, status) = patterns.Find(id) ?? throw new OutloopException($"No pattern {id}: list them with `outloop patterns`.");
        var evidence = patterns.Evidence(id);
        var commands = evidence.Where(e => !string.IsNullOrWhiteSpace(e.Command))
            .Select((e, index) => (Command: Shorten(e.Command!.Trim()), index))
            .GroupBy(e => e.Command, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min(e => e.index))
            .Take(options.TypicalCommandCount)
            .Select(g => g.Key)
            .ToList();
        var tasks = evidence.Select(e => e.Occurrence.TaskId).Distinct(StringComparer.Ordinal).Take(options.EvidenceCount).ToList();
        var now = _time.GetUtcNow();
        return new PatternSpec(pattern with { Details = null }, status, commands, tools?.FindByPattern(id)?.Name, tasks, created ?? now, now, patterns.History(id));
    }

    /// <summary>The status a person wrote into the file, or null when the file shows what Outloop last wrote.</summary>
    internal static string? EditedStatus(PatternSpec spec)
    {
        var written = spec.History.Count == 0 ? PatternStatus.Detected : spec.History[^1].Status;
        return spec.Status == written ? null : spec.Status;
    }

    private StatusChange MoveFromFile(string path, string id, string to, string editor)
    {
        var (_, from) = patterns.Find(id)!.Value;
        if (PatternLifecycle.Refusal(id, from, to) is { } refusal)
        {
            throw new OutloopException($"{path}:{PatternSpecFile.StatusLine(File.ReadAllText(path))}: status: {refusal} Change the status back or pick an allowed one.");
        }

        var change = PatternLifecycle.Move(patterns, id, to, editor, _time.GetUtcNow(), $"status edited in {Path.GetFileName(path)}");
        FreshStartAfterQuarantine(id, from);
        return change;
    }

    /// <summary>
    /// A pattern let out of quarantine starts its run counts afresh (as <c>outloop tools enable</c> does for a tool);
    /// otherwise the old failures would quarantine it again at its next run.
    /// </summary>
    private void FreshStartAfterQuarantine(string id, string? from)
    {
        if (from == PatternStatus.Quarantined)
        {
            tools?.SetStatus(id, ToolStatus.Active, resetCounts: true);
        }
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..197] + "...";
}
