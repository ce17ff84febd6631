namespace Outloop.Ingestion;

/// <summary>One line after the parallel stage: its number and either what it parsed to or why it is skipped.</summary>
internal readonly record struct ParsedLine(long Number, object? Value, string? Error);
