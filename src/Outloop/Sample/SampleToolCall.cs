namespace Outloop.Sample;

/// <summary>A tool call as written: its id, the assistant line and response that carry it.</summary>
internal sealed record SampleToolCall(string Id, string Name, string AssistantUuid, string MessageId, TranscriptFile File);
