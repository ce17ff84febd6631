namespace Outloop.Sample;

/// <summary>A fictional project the sample sessions work in: its files, its commands and its recurring troubles.</summary>
internal sealed record SampleProject(
    string Name,
    string Cwd,
    bool HasHooks,
    IReadOnlyDictionary<string, string> Files,
    string TestCommand,
    string BuildCommand,
    string LintCommand,
    IReadOnlyList<CodeFault> TestFaults,
    CodeFault BuildFault,
    IReadOnlyList<FeatureChange> Features,
    IReadOnlyList<CodeQuestion> Questions,
    Func<string, Random, string> PassingOutput)
{
    public string Path(string relative) => $"{Cwd}/{relative}";
}
