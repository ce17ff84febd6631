namespace Outloop.Automation.Routing;

/// <summary>
/// Arguments taken from a request for a tool's parameters: the argv items to append (each value its own item),
/// the values by parameter, and what was refused or missing. <see cref="Missing"/> names a required parameter
/// without a valid value: the tool cannot run.
/// </summary>
internal sealed record ExtractedArguments(
    IReadOnlyList<string> Argv,
    IReadOnlyDictionary<string, string> Values,
    IReadOnlyList<string> Refused,
    string? Missing)
{
    public static ExtractedArguments None { get; } = new([], new Dictionary<string, string>(), [], null);
}
