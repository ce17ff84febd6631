namespace Outloop.Patterns.Templates;

/// <summary>
/// The result of <c>outloop bench templates</c>; serialised with camelCase names it is exactly the JSON of
/// <c>tools/drain-reference</c>: <c>{"systems":[...],"mean":{...},"linesPerSecond":n}</c>.
/// </summary>
internal sealed record TemplateBenchmarkResult(
    IReadOnlyList<TemplateSystemResult> Systems,
    TemplateMeanResult Mean,
    long LinesPerSecond);
