namespace Outloop.Automation.Tools;

/// <summary>Whether a registered tool may be routed to.</summary>
internal enum ToolStatus
{
    /// <summary>Routed to when a request matches it.</summary>
    Active,

    /// <summary>Never routed to: turned off by the user or by its success rate.</summary>
    Disabled,

    /// <summary>Failing too often; requests go to the agent until someone looks at it.</summary>
    Quarantined,
}
