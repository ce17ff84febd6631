namespace Outloop.Sample;

/// <summary>A small feature: a search, an edit of the source, an edit of its test.</summary>
internal sealed record FeatureChange(
    string Prompt,
    string GrepPattern,
    string SourceFile,
    string SourceOld,
    string SourceNew,
    string TestFile,
    string TestOld,
    string TestNew,
    string Summary);
