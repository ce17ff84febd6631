using System.Text;

namespace Outloop.Automation.FileTemplates;

/// <summary>
/// Turns a group of similar files into template text and variables. The first file is the reference: its lines are
/// aligned with each other file's (<see cref="LineAlignment"/>), tokens within aligned lines likewise; a reference
/// token every file shares is fixed, and the text between two fixed tokens that differs in any file becomes a
/// variable whose value in each file is that file's text between the same two tokens (so inserted or missing lines
/// are variables too). Variables are named from context (see <see cref="VariableNamer"/>); the same values in two
/// places are one variable.
/// </summary>
internal static class TemplateBuilder
{
    public static (string Text, List<TemplateVariable> Variables) Build(IReadOnlyList<WrittenFile> files, IReadOnlyList<LineAlignment> alignments)
    {
        var reference = alignments[0];
        var refTokens = reference.Tokens.SelectMany(t => t).ToList();
        var lineStart = Starts(reference);

        // maps[m][i]: the token of file m aligned with reference token i, or -1.
        var maps = new List<int[]>();
        var memberTokens = new List<List<string>>();
        for (var m = 1; m < alignments.Count; m++)
        {
            var other = alignments[m];
            var otherStart = Starts(other);
            var map = Enumerable.Repeat(-1, refTokens.Count).ToArray();
            foreach (var (a, b) in LineAlignment.Align(reference, other))
            {
                foreach (var (x, y) in LineAlignment.AlignTokens(reference.Tokens[a], other.Tokens[b]))
                {
                    map[lineStart[a] + x] = otherStart[b] + y;
                }
            }

            maps.Add(map);
            memberTokens.Add(other.Tokens.SelectMany(t => t).ToList());
        }

        var anchors = Enumerable.Range(0, refTokens.Count).Where(i => maps.All(map => map[i] >= 0)).ToList();
        var segments = new List<Segment>();
        var previous = -1;
        var previousMapped = Enumerable.Repeat(-1, maps.Count).ToArray();
        for (var k = 0; k <= anchors.Count; k++)
        {
            var next = k < anchors.Count ? anchors[k] : refTokens.Count;
            var values = new List<string> { Join(refTokens, previous + 1, next) };
            for (var m = 0; m < maps.Count; m++)
            {
                var end = k < anchors.Count ? maps[m][next] : memberTokens[m].Count;
                values.Add(Join(memberTokens[m], previousMapped[m] + 1, end));
                previousMapped[m] = end;
            }

            if (values.Distinct(StringComparer.Ordinal).Count() == 1)
            {
                Append(segments, values[0]);
            }
            else
            {
                segments.Add(new Segment(null, values));
            }

            if (k < anchors.Count)
            {
                Append(segments, refTokens[next]);
            }

            previous = next;
        }

        segments = MergeAcrossBlanks(segments);
        return Render(segments, files);
    }

    private static (string, List<TemplateVariable>) Render(List<Segment> segments, IReadOnlyList<WrittenFile> files)
    {
        var text = new StringBuilder();
        var variables = new List<TemplateVariable>();
        var byValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var stems = files.Select(f => Path.GetFileNameWithoutExtension(f.Path)).ToList();
        for (var s = 0; s < segments.Count; s++)
        {
            var segment = segments[s];
            if (segment.Values is null)
            {
                text.Append(segment.Literal);
                continue;
            }

            var key = string.Join("\u0000", segment.Values);
            if (!byValues.TryGetValue(key, out var name))
            {
                name = VariableNamer.Name(segment.Values, stems, text.ToString(), variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal));
                byValues[key] = name;
                variables.Add(new TemplateVariable(name, segment.Values));
            }

            text.Append("{{").Append(name).Append("}}");
        }

        return (text.ToString(), variables);
    }

    /// <summary>"{{a}} {{b}}" with only spaces between is one variable: "Hello World" and "Good Morning" differ as a whole.</summary>
    private static List<Segment> MergeAcrossBlanks(List<Segment> segments)
    {
        var result = new List<Segment>();
        foreach (var segment in segments)
        {
            if (segment.Values is not null && result.Count >= 2 && result[^1].Values is null && result[^2].Values is not null
                && result[^1].Literal!.Length > 0 && result[^1].Literal!.All(c => c is ' ' or '\t'))
            {
                var blank = result[^1].Literal!;
                var before = result[^2].Values!;
                result.RemoveRange(result.Count - 2, 2);
                result.Add(new Segment(null, [.. before.Select((v, i) => v + blank + segment.Values[i])]));
                continue;
            }

            result.Add(segment);
        }

        return result;
    }

    private static void Append(List<Segment> segments, string literal)
    {
        if (literal.Length == 0)
        {
            return;
        }

        if (segments.Count > 0 && segments[^1].Values is null)
        {
            segments[^1] = new Segment(segments[^1].Literal + literal, null);
        }
        else
        {
            segments.Add(new Segment(literal, null));
        }
    }

    private static int[] Starts(LineAlignment file)
    {
        var starts = new int[file.Tokens.Length];
        var total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            starts[i] = total;
            total += file.Tokens[i].Count;
        }

        return starts;
    }

    private static string Join(List<string> tokens, int from, int to) => from >= to ? string.Empty : string.Concat(tokens.Skip(from).Take(to - from));

    private sealed record Segment(string? Literal, List<string>? Values);
}
