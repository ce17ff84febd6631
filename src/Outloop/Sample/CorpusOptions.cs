namespace Outloop.Sample;

/// <summary>What <see cref="TranscriptCorpusBuilder"/> builds.</summary>
/// <param name="Source">A <c>~/.claude</c>-like folder (with <c>projects/</c>) or a projects folder itself.</param>
/// <param name="Output">The corpus folder (laid out like <c>~/.claude</c>), or the one file in single-file mode.</param>
/// <param name="TargetBytes">Write copies until at least this many bytes are written.</param>
/// <param name="SingleFile">Write one transcript with one session id instead of a folder of sessions.</param>
/// <param name="Seed">Seeds the id shifts, so the same options always give the same bytes.</param>
public sealed record CorpusOptions(string Source, string Output, long TargetBytes, bool SingleFile = false, int Seed = 1);
