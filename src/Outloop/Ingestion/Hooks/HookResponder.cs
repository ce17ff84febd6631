namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Answers one hook event (the raw stdin, not redacted) or returns null to stay silent. Supplied by the program
/// that hosts the hook, so that ingestion does not depend on the stages that act (Automation).
/// </summary>
internal delegate HookReply? HookResponder(string rawEvent, HookInvocation invocation);
