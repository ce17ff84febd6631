using Outloop.Ingestion;

namespace Outloop.Reporting.Usage;

/// <summary>A model the price table does not know: its requests count with cost 0 and are listed so nobody reads the total as complete.</summary>
public sealed record UnpricedModel(string Model, long Requests, TokenCounts Tokens);
