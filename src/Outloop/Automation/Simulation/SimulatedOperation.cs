namespace Outloop.Automation.Simulation;

/// <summary>
/// One replayed tool call that the simulation counts (routed, wrongly routed or compacted), with every input of its
/// arithmetic so a reader can redo it by hand; see <see cref="Simulator"/> for the formulas.
/// </summary>
/// <remarks><c>Outcome</c>: One of <see cref="ReplayOutcome"/>.</remarks>
/// <remarks><c>Command</c>: The agent's command, normalised (variable parts masked).</remarks>
/// <remarks><c>LearnedCommand</c>: The learned tool's command when the signature is a learned tool.</remarks>
/// <remarks><c>Runner</c>: The runner the compactor recognised when the output would have been compacted.</remarks>
/// <remarks><c>Failed</c>: The call failed or its output shows failures (the script would have reported them too).</remarks>
/// <remarks><c>IssuingModel</c>: The model whose output price is used (the request that issued the call).</remarks>
/// <remarks><c>ReadingModel</c>: The model whose input and cache-read prices are used (the request that read the result).</remarks>
/// <remarks><c>OutputShareTokens</c>: Output tokens of the issuing request divided by the calls it issued.</remarks>
/// <remarks><c>ResultTokens</c>: Tokens of the result the model read.</remarks>
/// <remarks><c>CompactTokens</c>: Tokens of the result as the script (or the hook) would return it.</remarks>
/// <remarks><c>Rereads</c>: Later requests of the same task and chain that re-read the result from the cache.</remarks>
internal sealed record SimulatedOperation(
    string CallId,
    string SessionId,
    string TaskId,
    string? Ts,
    string Signature,
    string Command,
    string Outcome,
    string? LearnedCommand,
    string? Runner,
    bool Failed,
    string? IssuingModel,
    string? ReadingModel,
    decimal OutputPrice,
    decimal InputPrice,
    decimal CacheReadPrice,
    long OutputShareTokens,
    long ResultTokens,
    long CompactTokens,
    int Rereads,
    int ScriptCallTokens,
    Savings Savings)
{
    /// <summary>Price of one result token read once and re-read <see cref="Rereads"/> times from the cache.</summary>
    public decimal ReadPrice => InputPrice + (Rereads * CacheReadPrice);
}
