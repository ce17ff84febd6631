using System.Globalization;
using System.Text.RegularExpressions;

namespace Outloop.Outputs;

/// <summary>Reads a test runner's output described by a <see cref="BlockSpec"/> into a <see cref="Digest"/>.</summary>
internal static partial class BlockDigestReader
{
    private const int HeadCap = 30;

    public static Digest Read(IReadOnlyList<string> lines, BlockSpec spec, CompactOptions options)
    {
        var head = new List<string>();
        var summary = new List<string>();
        var failures = new List<FailureBlock>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var warnings = 0;
        var active = spec.Activate is null;
        var i = 0;
        while (i < lines.Count)
        {
            var line = lines[i];
            if (!active && spec.Activate!.IsMatch(line))
            {
                active = true;
            }

            var start = active ? spec.Start.Match(line) : Match.Empty;
            if (start.Success)
            {
                var end = BlockEnd(lines, i, spec);
                var block = ReadBlock(lines, i, end, start, spec, options);
                if (names.Add(block.Failure.Name))
                {
                    failures.Add(block);
                }

                i = end;
                continue;
            }

            if (spec.Summary.IsMatch(line))
            {
                summary.Add(line);
            }
            else if (spec.Warning?.IsMatch(line) == true)
            {
                warnings++;
            }
            else if (head.Count < HeadCap && (spec.Head?.IsMatch(line) == true || Frames.IsStrongError(line)) && !head.Contains(line))
            {
                head.Add(line);
            }

            i++;
        }

        var notes = warnings > 0 ? new List<string> { $"({warnings} warning{(warnings == 1 ? string.Empty : "s")} not shown)" } : [];
        return new Digest(head, failures, notes, spec.GroupNodeIds ? GroupNodeIds(summary, options.LineChars) : summary, failures.Count > 0 || summary.Count > 0);
    }

    // "ERROR a.py::T::x", "ERROR a.py::T::y", "ERROR a.py::T::z" -> "ERROR a.py::T:: x, y, z (3)".
    private static List<string> GroupNodeIds(List<string> summary, int lineChars)
    {
        var result = new List<string>();
        var i = 0;
        while (i < summary.Count)
        {
            var first = NodeId().Match(summary[i]);
            var j = i + 1;
            while (first.Success && j < summary.Count && NodeId().Match(summary[j]) is { Success: true } next
                && next.Groups["kind"].Value == first.Groups["kind"].Value && next.Groups["prefix"].Value == first.Groups["prefix"].Value
                && next.Groups["rest"].Value == first.Groups["rest"].Value)
            {
                j++;
            }

            if (j - i < 3)
            {
                result.AddRange(summary.Skip(i).Take(j - i));
            }
            else
            {
                // One line per chunk that fits the line width, each with its prefix, so that no name is cut.
                var start = $"{first.Groups["kind"].Value} {first.Groups["prefix"].Value} ";
                var chunk = new List<string>();
                foreach (var leaf in summary.Skip(i).Take(j - i).Select(l => NodeId().Match(l).Groups["leaf"].Value))
                {
                    if (chunk.Count > 0 && start.Length + chunk.Sum(c => c.Length + 2) + leaf.Length > lineChars - 40)
                    {
                        result.Add($"{start}{string.Join(", ", chunk)} ({chunk.Count}){first.Groups["rest"].Value}");
                        chunk.Clear();
                    }

                    chunk.Add(leaf);
                }

                result.Add($"{start}{string.Join(", ", chunk)} ({chunk.Count}){first.Groups["rest"].Value}");
            }

            i = j;
        }

        return result;
    }

    private static int BlockEnd(IReadOnlyList<string> lines, int start, BlockSpec spec)
    {
        var indent = Indent(lines[start]);
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (spec.Start.IsMatch(line) || spec.Summary.IsMatch(line) || spec.End?.IsMatch(line) == true)
            {
                return i;
            }

            if (spec.EndsWhenDedented && line.Length > 0 && Indent(line) < indent)
            {
                return i;
            }
        }

        return lines.Count;
    }

    private static FailureBlock ReadBlock(IReadOnlyList<string> lines, int start, int end, Match header, BlockSpec spec, CompactOptions options)
    {
        var name = header.Groups["name"].Value.Trim();
        var first = start + 1;
        if (spec.NameEndsWithColon)
        {
            for (var i = first; i < end && i < first + 4; i++)
            {
                var part = lines[i].Trim();
                if (part.Length == 0)
                {
                    break;
                }

                name += " " + part.TrimEnd(':');
                if (part.EndsWith(':'))
                {
                    first = i + 1;
                    break;
                }
            }
        }

        string? file = null;
        int? lineNumber = null;
        var locationLine = -1;
        var crashLine = -1;
        string? message = null;
        var kept = new List<string> { lines[start] };
        var keptIndexes = new List<int> { start };
        for (var i = start; i < end; i++)
        {
            var line = lines[i];
            if (spec.LastLocation && spec.Locations.Any(r => r.IsMatch(line)))
            {
                crashLine = i;
            }

            if ((locationLine < 0 || spec.LastLocation) && !Frames.IsLibrary(line))
            {
                foreach (var regex in spec.Locations)
                {
                    var match = regex.Match(line);
                    if (match.Success)
                    {
                        file = match.Groups["file"].Value;
                        lineNumber = int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture);
                        locationLine = i;
                        break;
                    }
                }
            }

            if (i < first || line.Trim().Length == 0 || OutputText.IsRule(line) || Frames.IsLibrary(line)
                || spec.BodyDrop?.IsMatch(line) == true || (spec.BodyKeep is not null && !spec.BodyKeep.IsMatch(line)))
            {
                continue;
            }

            kept.Add(line);
            keptIndexes.Add(i);
            if (message is null && spec.Message is not null)
            {
                var match = spec.Message.Match(line);
                if (match.Success)
                {
                    message = match.Groups["msg"].Success ? match.Groups["msg"].Value : line;
                }
            }
        }

        message ??= FirstMessageLine(kept, keptIndexes, locationLine);
        message = OutputText.Cut(message.Trim(), 200);
        var failure = new CompactFailure(name, message, file, lineNumber);
        var detail = Cap(kept, keptIndexes, locationLine, options.LinesPerFailure);
        foreach (var where in new[] { locationLine, crashLine }.Distinct())
        {
            if (where >= 0 && !keptIndexes.Contains(where))
            {
                detail.Add(lines[where]);
            }
        }

        return new FailureBlock(failure, spec.Label, DigestRenderer.Headline(spec.Label, failure), detail);
    }

    private static string FirstMessageLine(List<string> kept, List<int> indexes, int locationLine)
    {
        for (var k = 1; k < kept.Count; k++)
        {
            if (indexes[k] != locationLine)
            {
                return kept[k];
            }
        }

        return string.Empty;
    }

    // Keeps the first lines of a long block, and the location line even when it comes late.
    private static List<string> Cap(List<string> kept, List<int> indexes, int locationLine, int cap)
    {
        if (kept.Count <= cap)
        {
            return kept;
        }

        var at = indexes.IndexOf(locationLine);
        var result = kept.Take(cap - 1).ToList();
        result.Add($"    … {kept.Count - cap + (at >= cap - 1 ? 1 : 0)} more lines");
        if (at >= cap - 1)
        {
            result.Add(kept[at]);
        }

        return result;
    }

    [GeneratedRegex(@"^(?<kind>FAILED|ERROR) (?<prefix>\S+::)(?<leaf>[^:\s]+(\[.*?\])?)(?<rest> - .*)?$")]
    private static partial Regex NodeId();

    private static int Indent(string line)
    {
        var n = 0;
        while (n < line.Length && line[n] == ' ')
        {
            n++;
        }

        return n;
    }
}
