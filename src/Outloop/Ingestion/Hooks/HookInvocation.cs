namespace Outloop.Ingestion.Hooks;

/// <summary>
/// How settings.json runs the hook: <c>hook [--db PATH] [--compact] [--rewrite]</c>. <c>--compact</c> (written on the
/// PostToolUse entry by <c>outloop init claude --compact</c>) replaces a recognised Bash output with its compact form;
/// <c>--rewrite</c> (on the PreToolUse entry, <c>--compact rewrite|all</c>) wraps a recognised command in <c>compact</c>.
/// </summary>
internal sealed record HookInvocation(string? Db, bool CompactOutput = false, bool RewriteCommands = false)
{
    public const string CompactFlag = "--compact";

    public const string RewriteFlag = "--rewrite";

    /// <summary>True when the hook has anything to answer besides recording.</summary>
    public bool Responds => CompactOutput || RewriteCommands;
}
