using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outloop.Patterns;
using Outloop.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Outloop.Automation.Specs;

/// <summary>
/// Reads and writes pattern specs (<c>PROJECT/.outloop/patterns/&lt;id&gt;.yaml</c>). Reading validates what a person
/// may have edited: every error names the file, the line and the field, e.g.
/// <c>.outloop/patterns/op-1a2b.yaml:6: status: 'aproved' is not a pattern status; expected one of ...</c>.
/// </summary>
internal static class PatternSpecFile
{
    /// <summary>Where a project keeps its specs, relative to the project root.</summary>
    public const string Folder = ".outloop/patterns";

    private const string Header = """
        # Outloop pattern spec. A draft until the pattern is approved: run `outloop patterns approve ID`, or change
        # `status` below and run `outloop patterns sync` (the change is checked against the lifecycle and recorded).
        # Lifecycle: detected -> candidate -> approved -> implemented -> active -> deprecated, plus quarantined.

        """;

    private static readonly string[] Keys =
    [
        "id", "kind", "signature", "title", "status", "confidence", "occurrences", "tasks", "sessions", "calls", "success_rate", "savings",
        "agents", "first_seen", "last_seen", "typical_commands", "tool", "evidence", "created", "updated", "history", "notes",
    ];

    private static readonly string[] SavingsKeys = ["llm_tokens", "tool_tokens", "llm_cost_usd", "script_cost_usd", "monthly_usd"];

    private static readonly string[] HistoryKeys = ["status", "by", "at", "reason"];

    public static string PathFor(string project, string id) => Path.Combine(Path.GetFullPath(project), Folder, id + ".yaml");

    public static PatternSpec Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutloopException($"{path}: cannot read the pattern spec: {e.Message}", e);
        }

        return Parse(text, path);
    }

    public static void Save(string path, PatternSpec spec)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);

        // A temporary file first, so a crash never leaves half a spec behind.
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Serialize(spec));
        File.Move(temporary, path, overwrite: true);
    }

    public static string Serialize(PatternSpec spec)
    {
        var p = spec.Pattern;
        var root = new YamlMappingNode
        {
            { "id", p.Id },
            { "kind", p.Kind },
            { "signature", Quoted(p.Signature) },
            { "title", Quoted(p.Title) },
            { "status", spec.Status },
            { "confidence", Confidence(p) },
            { "occurrences", Number(p.Occurrences) },
            { "tasks", Number(p.Tasks) },
            { "sessions", Number(p.Sessions) },
            { "calls", Number(p.Calls) },
        };
        if (p.SuccessRate is { } rate)
        {
            root.Add("success_rate", Number(rate));
        }

        root.Add("savings", new YamlMappingNode
        {
            { "llm_tokens", Number(p.LlmTokens) },
            { "tool_tokens", Number(p.ToolTokens) },
            { "llm_cost_usd", Number(p.LlmCostUsd) },
            { "script_cost_usd", Number(p.ScriptCostUsd) },
            { "monthly_usd", Number(p.MonthlySavingsUsd) },
        });
        root.Add("agents", Quoted(p.Agents));
        AddIfPresent(root, "first_seen", p.FirstSeen);
        AddIfPresent(root, "last_seen", p.LastSeen);
        root.Add("typical_commands", List(spec.TypicalCommands));
        AddIfPresent(root, "tool", spec.Tool);
        root.Add("evidence", List(spec.EvidenceTaskIds));
        root.Add("created", StoreTime.Format(spec.Created));
        root.Add("updated", StoreTime.Format(spec.Updated));
        var history = new YamlSequenceNode();
        foreach (var change in spec.History)
        {
            var entry = new YamlMappingNode
            {
                { "status", change.Status },
                { "by", Quoted(change.ChangedBy) },
                { "at", StoreTime.Format(change.ChangedAt) },
            };
            AddIfPresent(entry, "reason", change.Note);
            history.Add(entry);
        }

        root.Add("history", history);
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        text = text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
        return Header + text;
    }

    public static PatternSpec Parse(string text, string path)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new OutloopException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new OutloopException($"{path}:1: (root): must be a mapping with id, status, ... (write it again with `outloop patterns spec ID`)");
        }

        var r = new Reader(path);
        r.CheckKeys(root, null, Keys);
        var id = r.Required(root, null, "id");
        var expected = Path.GetFileNameWithoutExtension(path);
        if (path.EndsWith(".yaml", StringComparison.Ordinal) && expected != id)
        {
            throw r.Error(Reader.Child(root, "id")!, "id", $"'{id}' does not match the file name {Path.GetFileName(path)}; a spec is named after its pattern");
        }

        var status = r.Status(root, null, "status", required: true)!;
        var confidence = Reader.Child(root, "confidence");
        int score = 0;
        string? parts = null;
        if (confidence is not null)
        {
            var map = confidence as YamlMappingNode ?? throw r.Error(confidence, "confidence", "must be a mapping with score and parts");
            r.CheckKeys(map, "confidence", ["score", "parts"]);
            score = (int)r.Number(map, "confidence", "score", 0, 100);
            parts = r.Parts(map);
        }

        var savings = Reader.Child(root, "savings") is { } s
            ? s as YamlMappingNode ?? throw r.Error(s, "savings", "must be a mapping of " + string.Join(", ", SavingsKeys))
            : new YamlMappingNode();
        r.CheckKeys(savings, "savings", SavingsKeys);
        var pattern = new PatternRecord(
            id,
            r.Required(root, null, "kind"),
            r.Required(root, null, "signature"),
            r.Optional(root, null, "title") ?? "",
            (int)r.Number(root, null, "occurrences"),
            (int)r.Number(root, null, "tasks"),
            (int)r.Number(root, null, "sessions"),
            (int)r.Number(root, null, "calls"),
            (long)r.Number(savings, "savings", "llm_tokens"),
            (long)r.Number(savings, "savings", "tool_tokens"),
            r.Number(savings, "savings", "llm_cost_usd"),
            r.Number(savings, "savings", "script_cost_usd"),
            r.Number(savings, "savings", "monthly_usd"),
            score,
            parts,
            Reader.Child(root, "success_rate") is null ? null : r.Number(root, null, "success_rate", 0, 1),
            r.Optional(root, null, "first_seen"),
            r.Optional(root, null, "last_seen"),
            r.Optional(root, null, "agents") ?? "",
            null);
        return new PatternSpec(
            pattern,
            status,
            r.Strings(root, null, "typical_commands"),
            r.Optional(root, null, "tool"),
            r.Strings(root, null, "evidence"),
            r.Time(root, null, "created") ?? DateTimeOffset.MinValue,
            r.Time(root, null, "updated") ?? DateTimeOffset.MinValue,
            r.History(root, id));
    }

    /// <summary>The line of the top-level <c>status</c> field, for messages about an edited status.</summary>
    public static long StatusLine(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("status:", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }

    private static YamlMappingNode Confidence(PatternRecord p)
    {
        var node = new YamlMappingNode { { "score", Number(p.Confidence) } };
        if (p.ConfidenceParts is { Length: > 0 } json)
        {
            var parts = new YamlMappingNode();
            try
            {
                using var document = JsonDocument.Parse(json);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    parts.Add(property.Name, property.Value.ValueKind == JsonValueKind.Number
                        ? new YamlScalarNode(property.Value.GetRawText())
                        : Quoted(property.Value.ToString()));
                }
            }
            catch (JsonException)
            {
                parts.Add("text", Quoted(json));
            }

            node.Add("parts", parts);
        }

        return node;
    }

    private static void AddIfPresent(YamlMappingNode map, string key, string? value)
    {
        if (value is not null)
        {
            map.Add(key, Quoted(value));
        }
    }

    private static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    private static YamlScalarNode Number(double value) => new(value.ToString("R", CultureInfo.InvariantCulture));

    private static YamlScalarNode Number(long value) => new(value.ToString(CultureInfo.InvariantCulture));

    private static YamlSequenceNode List(IEnumerable<string> items)
    {
        var node = new YamlSequenceNode();
        foreach (var item in items)
        {
            node.Add(Quoted(item));
        }

        return node;
    }

    /// <summary>Maps YAML nodes to the model, failing with the file, line and field of the first problem.</summary>
    private sealed class Reader(string path)
    {
        public OutloopException Error(YamlNode node, string field, string problem) => new($"{path}:{node.Start.Line}: {field}: {problem}");

        public static YamlNode? Child(YamlMappingNode map, string key) =>
            map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

        public void CheckKeys(YamlMappingNode map, string? parent, string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                var name = (key as YamlScalarNode)?.Value;
                if (name is null || !allowed.Contains(name))
                {
                    throw Error(key, Field(parent, name ?? "?"), $"unknown field; expected one of {string.Join(", ", allowed)}");
                }
            }
        }

        public string? Optional(YamlMappingNode map, string? parent, string key) => Child(map, key) switch
        {
            null => null,
            YamlScalarNode { Value: var value, Style: ScalarStyle.Plain } when value is null or "~" or "null" or "" => null,
            YamlScalarNode scalar => scalar.Value,
            var node => throw Error(node, Field(parent, key), "must be a single value"),
        };

        public string Required(YamlMappingNode map, string? parent, string key) =>
            Optional(map, parent, key) is { Length: > 0 } value ? value : throw Error(Child(map, key) ?? map, Field(parent, key), "is required");

        public string? Status(YamlMappingNode map, string? parent, string key, bool required)
        {
            var value = required ? Required(map, parent, key) : Optional(map, parent, key);
            if (value is not null && !PatternLifecycle.IsKnown(value))
            {
                throw Error(Child(map, key)!, Field(parent, key), $"'{value}' is not a pattern status; expected one of {string.Join(", ", PatternStatus.All)}");
            }

            return value;
        }

        public double Number(YamlMappingNode map, string? parent, string key, double min = 0, double max = double.MaxValue)
        {
            var text = Optional(map, parent, key);
            if (text is null)
            {
                return 0;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw Error(Child(map, key)!, Field(parent, key), $"'{text}' must be a number{(max < double.MaxValue ? $" from {min} to {max}" : " (0 or more)")}");
        }

        public DateTimeOffset? Time(YamlMappingNode map, string? parent, string key)
        {
            var text = Optional(map, parent, key);
            if (text is null)
            {
                return null;
            }

            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
                ? value
                : throw Error(Child(map, key)!, Field(parent, key), $"'{text}' must be a time like 2026-03-01T09:00:00.000Z");
        }

        public List<string> Strings(YamlMappingNode map, string? parent, string key)
        {
            var node = Child(map, key);
            if (node is null or YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            var sequence = node as YamlSequenceNode ?? throw Error(node, Field(parent, key), "must be a list of strings");
            var items = new List<string>(sequence.Children.Count);
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                items.Add(sequence.Children[i] is YamlScalarNode { Value: { } value }
                    ? value
                    : throw Error(sequence.Children[i], $"{Field(parent, key)}[{i}]", "must be a string"));
            }

            return items;
        }

        /// <summary>The confidence parts back as the compact JSON object the store keeps (numbers stay numbers).</summary>
        public string? Parts(YamlMappingNode confidence)
        {
            if (Child(confidence, "parts") is not { } node)
            {
                return null;
            }

            var map = node as YamlMappingNode ?? throw Error(node, "confidence.parts", "must be a mapping of part names to values");
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    var name = (key as YamlScalarNode)?.Value ?? throw Error(key, "confidence.parts", "part names must be plain text");
                    var text = (value as YamlScalarNode)?.Value ?? throw Error(value, $"confidence.parts.{name}", "must be a single value");
                    if (value is YamlScalarNode { Style: ScalarStyle.Plain }
                        && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    {
                        json.WritePropertyName(name);
                        json.WriteRawValue(text);
                    }
                    else
                    {
                        json.WriteString(name, text);
                    }
                }

                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(buffer.ToArray());
        }

        public List<StatusChange> History(YamlMappingNode root, string id)
        {
            var node = Child(root, "history");
            if (node is null or YamlScalarNode { Value: null or "" })
            {
                return [];
            }

            var sequence = node as YamlSequenceNode ?? throw Error(node, "history", "must be a list of {status, by, at, reason}");
            var result = new List<StatusChange>();
            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var field = $"history[{i}]";
                var item = sequence.Children[i] as YamlMappingNode ?? throw Error(sequence.Children[i], field, "must be a mapping with status, by, at, reason");
                CheckKeys(item, field, HistoryKeys);
                result.Add(new StatusChange(
                    id,
                    Status(item, field, "status", required: true)!,
                    Required(item, field, "by"),
                    Time(item, field, "at") ?? throw Error(item, $"{field}.at", "is required"),
                    Optional(item, field, "reason")));
            }

            return result;
        }

        private static string Field(string? parent, string key) => parent is null ? key : $"{parent}.{key}";
    }
}
