namespace Outloop.Sample;

/// <summary>A question about the code, answered after a search and a read.</summary>
internal sealed record CodeQuestion(string Prompt, string GrepPattern, string Glob, string ReadFile, string Answer);
