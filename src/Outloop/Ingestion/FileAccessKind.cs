namespace Outloop.Ingestion;

/// <summary>How a task touched a file.</summary>
public enum FileAccessKind
{
    /// <summary>Read by the agent.</summary>
    Read = 0,

    /// <summary>Created or edited by the agent.</summary>
    Write = 1,

    /// <summary>Listed or searched (glob, grep, find).</summary>
    Search = 2,

    /// <summary>Given to the agent up front (CLAUDE.md, @-mentions, configured context).</summary>
    Provided = 3,
}
