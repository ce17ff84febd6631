using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Outloop.Automation.Tools;

/// <summary>
/// Reads and writes the tool registry (<c>.outloop/tools.yaml</c>). Every error names the file, the line and the field,
/// e.g. <c>.outloop/tools.yaml:12: tools[2].command: must be a non-empty list of strings</c>.
/// </summary>
internal static partial class ToolRegistryFile
{
    /// <summary>Where a project keeps its registry, relative to the project root.</summary>
    public const string DefaultPath = ".outloop/tools.yaml";

    private static readonly Regex NameShape = new("^[a-z0-9][a-z0-9._:-]*$", RegexOptions.CultureInvariant);

    private static readonly string[] ToolKeys =
        ["name", "command", "description", "input_patterns", "examples", "parameters", "status", "timeout_seconds", "agent_tokens"];

    private static readonly string[] ParameterKeys = ["name", "pattern", "required", "flag", "after", "default"];

    public static ToolRegistry Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutloopException($"{path}: cannot read the tool registry: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static ToolRegistry Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            // People write "description: Summarise the tree: branch, files" without quotes; strict YAML refuses the
            // second ": ". Quoting such values line by line keeps line numbers, so errors still point at the file.
            stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(QuotePlainValuesWithColons(text)));
            }
            catch (YamlException)
            {
                throw new OutloopException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}", e);
            }
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return ToolRegistry.Empty;
        }

        var root = stream.Documents[0].RootNode as YamlMappingNode
            ?? throw Error(path, stream.Documents[0].RootNode, "(root)", "must be a mapping with a 'tools' list");
        var reader = new Reader(path);
        if (!root.Children.TryGetValue(new YamlScalarNode("tools"), out var toolsNode) || toolsNode is YamlScalarNode { Value: null or "" })
        {
            return ToolRegistry.Empty;
        }

        var sequence = toolsNode as YamlSequenceNode ?? throw Error(path, toolsNode, "tools", "must be a list of tools");
        var tools = new List<ToolDefinition>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var field = $"tools[{i}]";
            var tool = reader.Tool(sequence.Children[i], field);
            if (seen.TryGetValue(tool.Name, out var firstLine))
            {
                throw Error(path, sequence.Children[i], $"{field}.name", $"'{tool.Name}' is already defined on line {firstLine}; tool names must be unique");
            }

            seen[tool.Name] = (int)sequence.Children[i].Start.Line;
            tools.Add(tool);
        }

        return new ToolRegistry(tools);
    }

    /// <summary>Double-quotes a plain "key: value" whose value holds ": ", which strict YAML reads as a nested mapping.</summary>
    internal static string QuotePlainValuesWithColons(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = PlainKeyValue().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var value = match.Groups["value"].Value.TrimEnd('\r', ' ');
            if (!value.Contains(": ", StringComparison.Ordinal) || value.Length == 0 || "[{\"'|>&*!#%@`".Contains(value[0], StringComparison.Ordinal))
            {
                continue;
            }

            var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            lines[i] = $"{match.Groups["key"].Value}\"{escaped}\"";
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^(?<key>\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_]*:\s+)(?<value>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainKeyValue();

    public static void Save(string path, ToolRegistry registry)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        // Write to a temporary file first so a crash never leaves a half-written registry.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Serialize(registry));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Serialize(ToolRegistry registry)
    {
        var tools = new YamlSequenceNode();
        foreach (var tool in registry.Tools)
        {
            var node = new YamlMappingNode
            {
                { "name", tool.Name },
                { "command", FlowList(tool.Command) },
            };
            if (tool.Description.Length > 0)
            {
                node.Add("description", tool.Description);
            }

            if (tool.InputPatterns.Count > 0)
            {
                node.Add("input_patterns", FlowList(tool.InputPatterns));
            }

            if (tool.Examples.Count > 0)
            {
                node.Add("examples", BlockList(tool.Examples));
            }

            if (tool.Parameters.Count > 0)
            {
                var parameters = new YamlSequenceNode();
                foreach (var parameter in tool.Parameters)
                {
                    parameters.Add(ParameterNode(parameter));
                }

                node.Add("parameters", parameters);
            }

            if (tool.Status != ToolStatus.Active)
            {
                node.Add("status", StatusName(tool.Status));
            }

            if (tool.Timeout is { } timeout)
            {
                node.Add("timeout_seconds", timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture));
            }

            if (tool.AgentTokens is { } tokens)
            {
                node.Add("agent_tokens", tokens.ToString(CultureInfo.InvariantCulture));
            }

            tools.Add(node);
        }

        var stream = new YamlStream(new YamlDocument(new YamlMappingNode { { "tools", tools } }));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();

        // YamlDotNet ends a document with "...", which is valid but surprises people reading the file.
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    private static YamlMappingNode ParameterNode(ToolParameter parameter)
    {
        var node = new YamlMappingNode
        {
            { "name", parameter.Name },
            { "pattern", new YamlScalarNode(parameter.Pattern) { Style = ScalarStyle.SingleQuoted } },
        };
        if (parameter.Required)
        {
            node.Add("required", "true");
        }

        if (parameter.Flag is not null)
        {
            node.Add("flag", parameter.Flag);
        }

        if (parameter.After.Count > 0)
        {
            node.Add("after", FlowList(parameter.After));
        }

        if (parameter.Default is not null)
        {
            node.Add("default", parameter.Default);
        }

        return node;
    }

    private static YamlSequenceNode FlowList(IEnumerable<string> items)
    {
        var node = BlockList(items);
        node.Style = SequenceStyle.Flow;
        return node;
    }

    private static YamlSequenceNode BlockList(IEnumerable<string> items)
    {
        var node = new YamlSequenceNode();
        foreach (var item in items)
        {
            node.Add(new YamlScalarNode(item) { Style = ScalarStyle.DoubleQuoted });
        }

        return node;
    }

    private static string StatusName(ToolStatus status) => status switch
    {
        ToolStatus.Disabled => "disabled",
        ToolStatus.Quarantined => "quarantined",
        _ => "active",
    };

    private static OutloopException Error(string path, YamlNode node, string field, string problem) =>
        new($"{path}:{node.Start.Line}: {field}: {problem}");

    /// <summary>Maps YAML nodes to the model, failing with the file, line and field of the first problem.</summary>
    private sealed class Reader(string path)
    {
        public ToolDefinition Tool(YamlNode node, string field)
        {
            var map = node as YamlMappingNode ?? throw Error(path, node, field, "must be a mapping with name, command, ...");
            CheckKeys(map, field, ToolKeys);
            var name = RequiredString(map, field, "name");
            if (!NameShape.IsMatch(name))
            {
                throw Error(path, Child(map, "name")!, $"{field}.name", $"'{name}' must be lower-case letters, digits, '.', '_', ':' or '-'");
            }

            if (Child(map, "command") is null)
            {
                throw Error(path, map, $"{field}.command", "is required (the program, then its arguments)");
            }

            var command = StringList(map, field, "command");
            if (command.Count == 0 || command[0].Length == 0)
            {
                throw Error(path, Child(map, "command") ?? map, $"{field}.command", "must be a non-empty list of strings (the program, then its arguments)");
            }

            return new ToolDefinition(name, command)
            {
                Description = OptionalString(map, field, "description") ?? "",
                InputPatterns = StringList(map, field, "input_patterns"),
                Examples = StringList(map, field, "examples"),
                Parameters = Parameters(map, field),
                Status = Status(map, field),
                Timeout = OptionalNumber(map, field, "timeout_seconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                AgentTokens = OptionalNumber(map, field, "agent_tokens") is { } tokens ? (long)tokens : null,
            };
        }

        private List<ToolParameter> Parameters(YamlMappingNode map, string field)
        {
            var node = Child(map, "parameters");
            if (node is null or YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            var sequence = node as YamlSequenceNode ?? throw Error(path, node, $"{field}.parameters", "must be a list");
            var parameters = new List<ToolParameter>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var itemField = $"{field}.parameters[{i}]";
                var item = sequence.Children[i] as YamlMappingNode
                    ?? throw Error(path, sequence.Children[i], itemField, "must be a mapping with name and pattern");
                CheckKeys(item, itemField, ParameterKeys);
                var pattern = RequiredString(item, itemField, "pattern");
                try
                {
                    _ = ToolParameter.Compile(pattern);
                }
                catch (ArgumentException e)
                {
                    throw Error(path, Child(item, "pattern")!, $"{itemField}.pattern", $"not a valid regular expression: {e.Message}");
                }

                var flag = OptionalString(item, itemField, "flag");
                if (flag is not null && !flag.StartsWith('-'))
                {
                    throw Error(path, Child(item, "flag")!, $"{itemField}.flag", $"'{flag}' must start with '-'");
                }

                parameters.Add(new ToolParameter(RequiredString(item, itemField, "name"), pattern)
                {
                    Required = OptionalBool(item, itemField, "required"),
                    Flag = flag,
                    After = StringList(item, itemField, "after").Select(w => w.ToLowerInvariant()).ToList(),
                    Default = OptionalString(item, itemField, "default"),
                });
            }

            return parameters;
        }

        private ToolStatus Status(YamlMappingNode map, string field) =>
            OptionalString(map, field, "status") switch
            {
                null or "active" => ToolStatus.Active,
                "disabled" => ToolStatus.Disabled,
                "quarantined" => ToolStatus.Quarantined,
                var other => throw Error(path, Child(map, "status")!, $"{field}.status", $"'{other}' must be active, disabled or quarantined"),
            };

        private void CheckKeys(YamlMappingNode map, string field, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name is null || !allowed.Contains(name))
                {
                    throw Error(path, key, $"{field}.{name}", $"unknown field; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        private string RequiredString(YamlMappingNode map, string field, string key) =>
            OptionalString(map, field, key) is { Length: > 0 } value
                ? value
                : throw Error(path, Child(map, key) ?? map, $"{field}.{key}", "is required");

        private string? OptionalString(YamlMappingNode map, string field, string key)
        {
            var node = Child(map, key);
            return node switch
            {
                null => null,
                YamlScalarNode scalar => scalar.Value,
                _ => throw Error(path, node, $"{field}.{key}", "must be a single value"),
            };
        }

        private bool OptionalBool(YamlMappingNode map, string field, string key) =>
            OptionalString(map, field, key) switch
            {
                null or "false" or "no" => false,
                "true" or "yes" => true,
                var other => throw Error(path, Child(map, key)!, $"{field}.{key}", $"'{other}' must be true or false"),
            };

        private double? OptionalNumber(YamlMappingNode map, string field, string key)
        {
            var text = OptionalString(map, field, key);
            if (text is null)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                ? value
                : throw Error(path, Child(map, key)!, $"{field}.{key}", $"'{text}' must be a positive number");
        }

        private List<string> StringList(YamlMappingNode map, string field, string key)
        {
            var node = Child(map, key);
            if (node is null or YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            var sequence = node as YamlSequenceNode ?? throw Error(path, node, $"{field}.{key}", "must be a list of strings");
            var items = new List<string>(sequence.Children.Count);
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                items.Add(sequence.Children[i] is YamlScalarNode { Value: { } value }
                    ? value
                    : throw Error(path, sequence.Children[i], $"{field}.{key}[{i}]", "must be a string"));
            }

            return items;
        }

        private static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;
    }
}
