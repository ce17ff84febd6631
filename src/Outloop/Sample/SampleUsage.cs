namespace Outloop.Sample;

/// <summary>Token totals of the sample, counting each API response once.</summary>
public sealed record SampleUsage(long InputTokens, long OutputTokens, long CacheCreationTokens, long CacheReadTokens);
