namespace Outloop.Automation.Routing;

/// <summary>Precision (routes to the tool that were right) and recall (cases for the tool that were routed to it).</summary>
internal sealed record ToolScore(double Precision, double Recall);
