namespace Outloop.Patterns;

/// <summary>
/// What one tool call cost the LLM and what it would cost as a script; see <see cref="OperationCosting"/> for the
/// formula.
/// </summary>
/// <remarks><c>OutputShare</c>: Output tokens of the issuing request divided by the calls it issued.</remarks>
/// <remarks><c>ResultTokens</c>: Estimated tokens of the result (or error) text the model read.</remarks>
/// <remarks><c>Rereads</c>: Later requests of the same task and chain that re-read the result from the cache.</remarks>
/// <remarks><c>CompactTokens</c>: Tokens of the result compacted as a script would return it.</remarks>
/// <remarks><c>Model</c>: The model whose prices were used (the next request's), null when none was found.</remarks>
/// <remarks><c>Scriptable</c>: False for file, search, agent, web and MCP operations: a script cannot read, edit or search for the model, so their script cost is their LLM cost.</remarks>
internal sealed record CallCost(
    bool Scriptable,
    long OutputShare,
    long ResultTokens,
    int Rereads,
    long CompactTokens,
    double LlmCostUsd,
    double ScriptCostUsd,
    string? Model)
{
    public static readonly CallCost None = new(false, 0, 0, 0, 0, 0, 0, null);

    /// <summary>Tokens the LLM spent on the call: its output share plus the result read once.</summary>
    public long LlmTokens => OutputShare + ResultTokens;

    /// <summary>Tokens the scripted call would cost: the short call plus the compact result.</summary>
    public long ToolTokens => Scriptable ? OperationCosting.ScriptCallTokens + CompactTokens : LlmTokens;
}
