using Outloop.Automation.Tools;

namespace Outloop.Automation.Routing;

/// <summary>The decision for a request, what running it did (null on a dry run), and the outcome to record.</summary>
internal sealed record RouteExecution(RouteDecision Decision, ToolRunReport? Report, RouteOutcome Outcome);
