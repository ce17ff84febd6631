namespace Outloop.Ingestion.Hooks;

/// <summary>
/// A project's trigger settings as the hook sees them: <c>outerLoop.triggers.afterTasks</c> and <c>.enabled</c>, and
/// whether a webhook wants <c>task_complete</c> or <c>escalation</c> (then every Stop starts the follow-up).
/// </summary>
internal sealed record ProjectTriggerState(int AfterTasks, bool TriggersEnabled, bool TaskWebhooks)
{
    /// <summary>Before the CLI has seen the project: the defaults, and no task webhooks known.</summary>
    public static readonly ProjectTriggerState Unknown = new(HookStopSignal.DefaultAfterTasks, true, false);
}
