namespace Outloop.Sample;

/// <summary>Running counts kept while the sample is written; they become the <see cref="SampleSummary"/>.</summary>
internal sealed class SampleCounts
{
    public int Files { get; set; }

    public long Lines { get; set; }

    public int Sessions { get; set; }

    public int SubagentFiles { get; set; }

    public int Tasks { get; set; }

    public int InterruptedTasks { get; set; }

    public int ToolCalls { get; set; }

    public int FailedToolCalls { get; set; }

    public int AssistantMessages { get; set; }

    public int AssistantLines { get; set; }

    public long InputTokens { get; set; }

    public long OutputTokens { get; set; }

    public long CacheCreationTokens { get; set; }

    public long CacheReadTokens { get; set; }

    public SortedDictionary<string, int> BashCommands { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;

    public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;

    public void Saw(DateTimeOffset timestamp)
    {
        if (timestamp < First)
        {
            First = timestamp;
        }

        if (timestamp > Last)
        {
            Last = timestamp;
        }
    }

    public void RanCommand(string command) =>
        BashCommands[command] = BashCommands.GetValueOrDefault(command) + 1;
}
