namespace Outloop.Outputs;

/// <summary>
/// Renders a <see cref="Digest"/>: head lines, the first failures in detail, the failures that repeat a
/// detailed one's message listed under it by name and place, the others on one line each, notes, then the
/// runner's summary. A failure at a place already detailed (a parametrised test) gets one line.
/// </summary>
internal static class DigestRenderer
{
    public static List<string> Render(Digest digest, CompactOptions options)
    {
        var listed = digest.Failures.Take(options.ListedFailures).ToList();
        var detailed = new List<FailureBlock>();
        var repeats = new Dictionary<FailureBlock, List<FailureBlock>>();
        var byMessage = new Dictionary<string, FailureBlock>(StringComparer.Ordinal);
        var places = new HashSet<string>(StringComparer.Ordinal);
        var oneLine = new List<FailureBlock>();
        foreach (var block in listed)
        {
            var place = Place(block.Failure);
            if (block.Failure.Message.Length > 0 && byMessage.TryGetValue(block.Failure.Message, out var original))
            {
                repeats[original].Add(block);
            }
            else if (detailed.Count < options.DetailedFailures && (place is null || !places.Contains(place)))
            {
                detailed.Add(block);
                repeats[block] = [];
                byMessage.TryAdd(block.Failure.Message, block);
                if (place is not null)
                {
                    places.Add(place);
                }
            }
            else
            {
                oneLine.Add(block);
            }
        }

        var lines = new List<string>();
        lines.AddRange(digest.Head.Select(l => OutputText.Cut(l, options.LineChars)));
        foreach (var block in detailed)
        {
            lines.Add(string.Empty);
            lines.AddRange(block.Detail.Take(options.LinesPerFailure).Select(l => OutputText.Cut(l, options.LineChars)));
            lines.AddRange(Chunked($"  same error ({repeats[block].Count} more): ", repeats[block].Select(Short), options.LineChars));
        }

        lines.AddRange(oneLine.Select(b => OutputText.Cut(b.Headline, options.LineChars)));
        if (digest.Failures.Count > listed.Count)
        {
            lines.Add($"… {digest.Failures.Count - listed.Count} more failures (see the full output)");
        }

        if (digest.Notes.Count > 0 || digest.Summary.Count > 0)
        {
            lines.Add(string.Empty);
        }

        lines.AddRange(digest.Notes.Select(l => OutputText.Cut(l, options.LineChars)));
        lines.AddRange(digest.Summary.Select(l => OutputText.Cut(l, options.LineChars)));
        return lines;
    }

    /// <summary>The one-line form of a failure: <c>FAIL name (file:line): message</c>.</summary>
    public static string Headline(string label, CompactFailure failure)
    {
        var where = Place(failure) is { } place ? $" ({place})" : string.Empty;
        var message = failure.Message.Length == 0 ? string.Empty : $": {failure.Message}";
        return label.Length == 0 ? $"{failure.Name}{where}{message}" : $"{label} {failure.Name}{where}{message}";
    }

    private static string? Place(CompactFailure failure) =>
        failure.File is null ? null : failure.Line is null ? failure.File : $"{failure.File}:{failure.Line}";

    // A repeated test failure is named; a repeated build error is its place.
    private static string Short(FailureBlock block) =>
        block.Label.Length == 0 && Place(block.Failure) is { } place ? place
        : Place(block.Failure) is { } at ? $"{block.Failure.Name} ({at})" : block.Failure.Name;

    // Items joined on lines no longer than the width, each line starting with the prefix; no item is cut.
    private static IEnumerable<string> Chunked(string prefix, IEnumerable<string> items, int width)
    {
        var line = new List<string>();
        var length = prefix.Length;
        foreach (var item in items)
        {
            if (line.Count > 0 && length + item.Length + 2 > width)
            {
                yield return prefix + string.Join(", ", line);
                line.Clear();
                length = prefix.Length;
            }

            line.Add(item);
            length += item.Length + 2;
        }

        if (line.Count > 0)
        {
            yield return prefix + string.Join(", ", line);
        }
    }
}
