using System.Text.Json;

namespace Outloop.Automation.Routing;

/// <summary>One labelled request: the text and the tool that should run, or null when no tool should.</summary>
internal sealed record RoutingCase(string Input, string? Expected)
{
    /// <summary>Reads a JSONL file of <c>{"input": "...", "expected": "tool" | null}</c>; errors name the file and line.</summary>
    public static IReadOnlyList<RoutingCase> Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new OutloopException($"{path}: no such file; give a JSONL file of {{\"input\", \"expected\"}} cases.");
        }

        var cases = new List<RoutingCase>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (!root.TryGetProperty("input", out var input) || input.ValueKind != JsonValueKind.String)
                {
                    throw new OutloopException($"{path}:{lineNumber}: input: a string is required.");
                }

                var expected = root.TryGetProperty("expected", out var e) ? e : default;
                if (expected.ValueKind is not (JsonValueKind.String or JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    throw new OutloopException($"{path}:{lineNumber}: expected: must be a tool name or null.");
                }

                cases.Add(new RoutingCase(input.GetString()!, expected.ValueKind == JsonValueKind.String ? expected.GetString() : null));
            }
            catch (JsonException ex)
            {
                throw new OutloopException($"{path}:{lineNumber}: not valid JSON: {ex.Message}", ex);
            }
        }

        return cases;
    }
}
