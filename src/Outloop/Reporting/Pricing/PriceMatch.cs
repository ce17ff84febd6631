namespace Outloop.Reporting.Pricing;

/// <summary>The price entry a model name resolved to, and how: exactly, after normalising, or by the longest contained name.</summary>
public sealed record PriceMatch(string Key, ModelPrice Price, PriceMatchKind Kind);
