namespace Outloop.Ingestion.Hooks;

/// <summary>
/// Answers one hook event (as read from stdin, not redacted; parsed on demand) or returns null to stay silent. Supplied by the program
/// that hosts the hook, so that ingestion does not depend on the stages that act (Automation).
/// </summary>
internal delegate HookReply? HookResponder(HookEventText hookEvent, HookInvocation invocation);
