namespace Outloop.Reporting.Usage;

/// <summary>Every block oldest first, gaps included, with the token limit used and the models that had no price.</summary>
public sealed record BlocksReport(IReadOnlyList<UsageBlock> Blocks, long? TokenLimit, IReadOnlyList<UnpricedModel> UnpricedModels);
