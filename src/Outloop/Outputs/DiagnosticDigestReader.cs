using System.Globalization;
using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>
/// Reads a build, type-check or lint output described by a <see cref="DiagnosticSpec"/>: every error is kept
/// (the first with its context, the others on one line), compiler warnings are counted with a small sample, linter issues are all listed.
/// A build that failed with warnings only (warnings as errors) lists its warnings as failures.
/// </summary>
internal static class DiagnosticDigestReader
{
    private const int FollowWindow = 10;

    public static Digest Read(IReadOnlyList<string> lines, DiagnosticSpec spec, int? exitCode, CompactOptions options)
    {
        var errors = new List<FailureBlock>();
        var warnings = new List<FailureBlock>();
        var summary = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? currentFile = null;
        var starts = new List<(int Index, Match Match)>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (spec.Summary.IsMatch(line))
            {
                if (!summary.Contains(line))
                {
                    summary.Add(line);
                }

                continue;
            }

            var match = spec.Lines.Select(r => r.Match(line)).FirstOrDefault(m => m.Success);
            if (match is not null)
            {
                starts.Add((i, match));
            }
        }

        for (var s = 0; s < starts.Count; s++)
        {
            var (index, match) = starts[s];
            var next = s + 1 < starts.Count ? starts[s + 1].Index : lines.Count;
            if (spec.FileHeader is not null)
            {
                for (var h = s == 0 ? 0 : starts[s - 1].Index + 1; h < index; h++)
                {
                    var header = spec.FileHeader.Match(lines[h]);
                    if (header.Success)
                    {
                        currentFile = header.Groups["file"].Value;
                    }
                }
            }

            var severity = Severity(match.Groups["sev"].Value);
            if (severity is "note" or "help" or "info")
            {
                continue;
            }

            var file = match.Groups["file"].Success ? match.Groups["file"].Value : null;
            var lineText = match.Groups["line"].Success ? match.Groups["line"].Value : null;
            var end = Math.Min(next, index + options.LinesPerFailure);
            if (file is null && spec.FollowLocation is not null)
            {
                for (var f = index + 1; f < Math.Min(next, index + FollowWindow); f++)
                {
                    var follow = spec.FollowLocation.Match(lines[f]);
                    if (follow.Success)
                    {
                        file = follow.Groups["file"].Value;
                        lineText = follow.Groups["line"].Value;
                        end = Math.Max(end, f + 1);
                        break;
                    }
                }
            }

            file ??= lineText is null ? null : currentFile;
            var code = match.Groups["code"].Success ? match.Groups["code"].Value : null;
            var message = match.Groups["msg"].Value.Trim();
            int? lineNumber = lineText is null ? null : int.Parse(lineText, CultureInfo.InvariantCulture);
            if (!seen.Add($"{file}:{lineNumber}:{code}:{message}"))
            {
                continue;
            }

            var failure = new CompactFailure(code ?? severity, OutputText.Cut(message, 200), file, lineNumber);
            var self = match.Groups["file"].Success && match.Groups["line"].Success;
            var headline = self ? lines[index].Trim() : OneLine(file, lineNumber, severity, code, message);
            var detail = lines.Skip(index).Take(end - index).Where(l => l.Trim().Length > 0 && !OutputText.IsRule(l)).ToList();
            if (file is not null && lineNumber is not null && !detail.Any(l => l.Contains($"{file}:{lineNumber}", StringComparison.Ordinal)))
            {
                // The location came from elsewhere (a file header): the one-line form says it.
                detail[0] = headline;
            }

            var block = new FailureBlock(failure, string.Empty, headline, detail);
            (severity == "warning" && !spec.Linter ? warnings : errors).Add(block);
        }

        var notes = new List<string>();
        if (errors.Count == 0 && exitCode is not null and not 0)
        {
            // A build that failed on warnings alone (--warnings-as-errors): the warnings are the failures.
            errors.AddRange(warnings);
            warnings.Clear();
        }

        // Only the first error is shown with its context; the others are one line each.
        for (var e = 1; e < errors.Count; e++)
        {
            errors[e] = errors[e] with { Detail = [errors[e].Headline] };
        }

        if (warnings.Count > 0)
        {
            var shown = Math.Min(options.WarningSamples, warnings.Count);
            notes.Add($"{warnings.Count} warning{(warnings.Count == 1 ? string.Empty : "s")}{(shown < warnings.Count ? $" (first {shown} shown)" : string.Empty)}:");
            notes.AddRange(warnings.Take(shown).Select(w => "  " + w.Headline));
        }

        return new Digest([], errors, notes, summary, errors.Count > 0 || warnings.Count > 0 || summary.Count > 0);
    }

    private static string Severity(string raw) => raw.ToLowerInvariant() switch
    {
        "" or "e" or "f" or "error" or "fatal" => "error",
        "w" or "warning" or "warn" => "warning",
        "c" or "r" => "convention",
        var other => other,
    };

    private static string OneLine(string? file, int? line, string severity, string? code, string message)
    {
        var where = file is null ? string.Empty : line is null ? $"{file}: " : $"{file}:{line}: ";
        var what = code is null ? severity : $"{severity} {code}";
        return $"{where}{what}: {message}";
    }
}
