namespace Outloop.Automation.Compaction;

/// <summary>
/// Renders a <see cref="Digest"/>: head lines, the first failures in detail and the others on one line each,
/// notes, then the runner's summary. A failure whose message repeats an earlier detailed one is not detailed
/// again.
/// </summary>
internal static class DigestRenderer
{
    public static List<string> Render(Digest digest, CompactOptions options)
    {
        var lines = new List<string>();
        lines.AddRange(digest.Head.Select(l => OutputText.Cut(l, options.LineChars)));
        var detailedMessages = new HashSet<string>(StringComparer.Ordinal);
        var detailedPlaces = new HashSet<string>(StringComparer.Ordinal);
        var detailed = 0;
        var listed = 0;
        foreach (var block in digest.Failures)
        {
            if (listed >= options.ListedFailures)
            {
                lines.Add($"… {digest.Failures.Count - listed} more failures (see the full output)");
                break;
            }

            listed++;
            // A failure at a place already shown in detail (a parametrised test) gets one line.
            var place = block.Failure.File is null ? null : $"{block.Failure.File}:{block.Failure.Line}";
            if (detailed < options.DetailedFailures && !detailedMessages.Contains(block.Failure.Message)
                && (place is null || !detailedPlaces.Contains(place)))
            {
                detailed++;
                detailedMessages.Add(block.Failure.Message);
                if (place is not null)
                {
                    detailedPlaces.Add(place);
                }

                lines.Add(string.Empty);
                lines.AddRange(block.Detail.Take(options.LinesPerFailure).Select(l => OutputText.Cut(l, options.LineChars)));
                continue;
            }

            lines.Add(detailedMessages.Contains(block.Failure.Message) && block.Failure.Message.Length > 0
                ? Headline(block.Label, block.Failure with { Message = "same error as above" })
                : OutputText.Cut(block.Headline, options.LineChars));
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
        var where = failure.File is null ? string.Empty : failure.Line is null ? $" ({failure.File})" : $" ({failure.File}:{failure.Line})";
        var message = failure.Message.Length == 0 ? string.Empty : $": {failure.Message}";
        return label.Length == 0 ? $"{failure.Name}{where}{message}" : $"{label} {failure.Name}{where}{message}";
    }
}
