namespace Outloop.Ingestion.Hooks;

/// <summary>What one hook event tells the store: the raw event, and what it adds to the normalised model.</summary>
internal sealed record HookRecords(HookEventRecord Event, SessionRecord? Session, ToolCallRecord? ToolCall, PromptRecord? Prompt);
