namespace Outloop.Ingestion.Hooks;

/// <summary>What the hook prints to the agent (one JSON object), and the saving it records with the event.</summary>
internal sealed record HookReply(string Json, TokenSavingRecord? Saving);
