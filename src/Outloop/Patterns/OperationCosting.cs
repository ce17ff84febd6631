using Outloop.Ingestion;
using Outloop.Outputs;
using Outloop.Patterns.Signatures;
using Outloop.Patterns.Templates;
using Outloop.Reporting.Pricing;

namespace Outloop.Patterns;

/// <summary>
/// Classifies the tool calls of one session and prices each one, both as the LLM did it and as a script would.
/// <para>The formula, per call (all token counts estimated with <see cref="TokenEstimator"/> where not billed):</para>
/// <list type="bullet">
/// <item><c>out</c> = output tokens of the request that issued the call / number of calls that request issued.</item>
/// <item><c>res</c> = tokens of the result (or error) text the model then had to read.</item>
/// <item><c>k</c> = later requests of the same task and chain (main or subagent) after the one that first read it;
/// each re-reads the result from the prompt cache.</item>
/// <item>LLM cost = <c>out</c> x output price (issuing model) + <c>res</c> x input price + <c>res</c> x <c>k</c> x cache-read
/// price (the reading model: the first request after the call ended).</item>
/// <item>Script cost = <see cref="ScriptCallTokens"/> x output price + <c>compact</c> x (input price + <c>k</c> x cache-read
/// price), where <c>compact</c> is the result as <see cref="OutputCompactor"/> reduces it (unchanged below 400 tokens).</item>
/// <item>LLM tokens = <c>out</c> + <c>res</c>; tool tokens = <see cref="ScriptCallTokens"/> + <c>compact</c>.</item>
/// </list>
/// Prices are the per-token base rates of <see cref="PriceTable"/> (no 200k tier, no fast mode); a model without a
/// price costs 0. File, search, agent, web and MCP operations are not scriptable (the model chooses each read, edit or
/// query and needs its whole answer): their script cost equals their LLM cost.
/// </summary>
internal static class OperationCosting
{
    /// <summary>Output tokens an agent spends to call a script instead (a short tool call with its arguments).</summary>
    public const int ScriptCallTokens = 20;

    private static readonly CompactOptions Compaction = new();

    public static List<AnalyzedCall> Analyze(IReadOnlyList<StoredCall> calls, IReadOnlyList<StoredRequest> requests, PriceTable prices)
    {
        var byId = new Dictionary<string, StoredRequest>(StringComparer.Ordinal);
        var chains = new Dictionary<(string Task, bool Side), List<StoredRequest>>();
        foreach (var request in requests)
        {
            byId.TryAdd(request.Id, request);
            var key = (request.TaskId, request.IsSidechain);
            if (!chains.TryGetValue(key, out var chain))
            {
                chains[key] = chain = [];
            }

            chain.Add(request);
        }

        foreach (var chain in chains.Values)
        {
            chain.Sort((a, b) => string.CompareOrdinal(a.Ts, b.Ts) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        }

        var issued = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in calls)
        {
            if (call.RequestId is { } id)
            {
                issued[id] = issued.GetValueOrDefault(id) + 1;
            }
        }

        var result = new List<AnalyzedCall>(calls.Count);
        foreach (var call in calls)
        {
            result.Add(AnalyzeCall(call, byId, chains, issued, prices));
        }

        return result;
    }

    private static AnalyzedCall AnalyzeCall(
        StoredCall call,
        Dictionary<string, StoredRequest> byId,
        Dictionary<(string Task, bool Side), List<StoredRequest>> chains,
        Dictionary<string, int> issued,
        PriceTable prices)
    {
        var operation = OperationClassifier.Classify(new ToolInvocation(call.Agent, call.Name ?? string.Empty, call.InputJson, null, call.Cwd, call.Cwd));
        var signature = operation.ToString();
        var text = call.Success == false ? call.ErrorText ?? call.ResultText : call.ResultText ?? call.ErrorText;
        var resultTokens = text is null ? (call.ResultBytes is { } bytes ? TokenEstimator.EstimateFromBytes(bytes) : 0) : TokenEstimator.Estimate(text);
        var scriptable = operation.Category is not (OperationCategory.File or OperationCategory.Search or OperationCategory.Agent or OperationCategory.Web or OperationCategory.Mcp);

        CompactResult? compact = null;
        if (scriptable && text is not null && (operation.IsVerification || resultTokens >= Compaction.ShortOutputTokens))
        {
            compact = OutputCompactor.Compact(operation.NormalizedCommand, text, call.Success switch { true => 0, false => 1, null => null }, Compaction);
        }

        // A call the person refused or interrupted did not fail: nothing about the operation went wrong. Nor did a
        // search that found nothing or a diff that found differences: their exit code is their answer.
        var command = OperationClassifier.CommandText(call.InputJson);
        var failed = call.Success == false && !IsRefusal(text)
            && !(ExitStatus.Code(text) is { } code && ExitStatus.IsAnswer(command, code));
        string? failureLine = null;
        string? failureSource = null;
        if (failed && text is not null)
        {
            failureLine = ErrorText.SalientLine(ExitStatus.Output(text));
            failureSource = "error";
        }
        else if (call.Success == true && operation.IsVerification && compact is { Recognised: true, Failures.Count: > 0 })
        {
            failed = true;
            failureLine = ErrorText.SalientLine(compact.Failures[0].Message is { Length: > 0 } message ? message : text!);
            failureSource = "output";
        }

        if (failureLine is { Length: 0 })
        {
            failureLine = null;
        }

        var issuing = call.RequestId is { } requestId && byId.TryGetValue(requestId, out var r) ? r : null;
        var outputShare = issuing is null ? 0 : issuing.OutputTokens / Math.Max(1, issued.GetValueOrDefault(issuing.Id, 1));
        var (reader, rereads) = Reader(call, chains);
        var compactTokens = compact?.CompactTokens ?? resultTokens;

        var outPrice = Price(prices, issuing?.Model ?? reader?.Model);
        var readPrice = Price(prices, reader?.Model ?? issuing?.Model);
        var llmCost = (outputShare * outPrice.Output) + (resultTokens * (readPrice.Input + (rereads * readPrice.CacheRead)));
        var scriptCost = scriptable
            ? (ScriptCallTokens * outPrice.Output) + (compactTokens * (readPrice.Input + (rereads * readPrice.CacheRead)))
            : llmCost;
        var cost = new CallCost(scriptable, outputShare, resultTokens, rereads, compactTokens, (double)llmCost, (double)scriptCost, reader?.Model ?? issuing?.Model);
        return new AnalyzedCall(
            call.Id, call.SessionId, call.TaskId, call.Agent, call.Name, call.StartedAt ?? call.EndedAt, call.Success, call.IsSidechain,
            operation, signature, failed, failureLine, failureSource, cost)
        {
            Written = ShellWrites.Files(command),
            Created = ShellWrites.Created(command),
            CodeWrites = ShellWrites.CodeRewritesFiles(command),
            Diff = operation.Category == OperationCategory.Agent && operation.Subcategory == "finish" ? DiffSize.Of(text) : null,
        };
    }

    /// <summary>The first request of the call's task and chain after the call ended, and how many came after it.</summary>
    private static (StoredRequest? Reader, int Rereads) Reader(StoredCall call, Dictionary<(string Task, bool Side), List<StoredRequest>> chains)
    {
        var after = call.EndedAt ?? call.StartedAt;
        if (after is null || !chains.TryGetValue((call.TaskId, call.IsSidechain), out var chain))
        {
            return (null, 0);
        }

        int lo = 0, hi = chain.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (string.CompareOrdinal(chain[mid].Ts, after) <= 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < chain.Count ? (chain[lo], chain.Count - lo - 1) : (null, 0);
    }

    private static (decimal Input, decimal Output, decimal CacheRead) Price(PriceTable prices, string? model) =>
        model is not null && prices.Find(model)?.Price is { } price ? (price.Input, price.Output, price.CacheRead) : (0m, 0m, 0m);

    private static bool IsRefusal(string? text) =>
        text is not null
        && (text.StartsWith("The user doesn't want to proceed", StringComparison.Ordinal)
            || text.StartsWith("User rejected tool use", StringComparison.Ordinal)
            || text.StartsWith("[Request interrupted by user", StringComparison.Ordinal)
            || text.Contains("Sibling tool call errored", StringComparison.Ordinal));
}
