namespace Outloop.Ingestion;

/// <summary>How an import runs.</summary>
public sealed record ImportOptions(bool Strict = false, IProgress<ImportProgress>? Progress = null);

/// <summary>Bytes imported so far out of the bytes this import has to read.</summary>
public readonly record struct ImportProgress(long Bytes, long TotalBytes);
