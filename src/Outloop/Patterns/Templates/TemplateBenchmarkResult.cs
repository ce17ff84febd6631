using System.Text.Json.Serialization;

namespace Outloop.Patterns.Templates;

/// <summary>
/// The result of <c>outloop bench templates</c>; serialised with camelCase names it is exactly the JSON of
/// <c>tools/drain-reference</c>: <c>{"systems":[...],"mean":{...},"linesPerSecond":n}</c>. Lines per second are
/// per CPU second of mining on one core.
/// </summary>
internal sealed record TemplateBenchmarkResult(
    IReadOnlyList<TemplateSystemResult> Systems,
    TemplateMeanResult Mean,
    long LinesPerSecond)
{
    /// <summary>The median wall-clock pass: equals <see cref="LinesPerSecond"/> on an idle machine.</summary>
    [JsonIgnore]
    public long WallLinesPerSecond { get; init; }
}
