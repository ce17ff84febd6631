using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Outloop.Configuration;

/// <summary>
/// One entry of the <c>webhooks</c> list as written in a config file. <see cref="Url"/>, the header values and
/// <see cref="Secret"/> may hold <c>${ENV}</c> references, expanded only when a notification is sent, so that
/// <c>outloop config</c> never shows the values behind them. <see cref="Source"/> is the file and line of the entry.
/// </summary>
internal sealed partial record WebhookConfig(
    string Url,
    IReadOnlyList<string> Events,
    string Format,
    IReadOnlyDictionary<string, string> Headers,
    string? Secret,
    string Source)
{
    public const string Digest = "digest";
    public const string Escalation = "escalation";
    public const string TaskComplete = "task_complete";
    public const string Slack = "slack";
    public const string Generic = "generic";

    public static readonly IReadOnlyList<string> KnownEvents = [Digest, Escalation, TaskComplete];

    private static readonly string[] Fields = ["url", "events", "format", "headers", "secret"];

    /// <summary>True when this webhook wants <paramref name="eventName"/>.</summary>
    public bool Wants(string eventName) => Events.Contains(eventName, StringComparer.Ordinal);

    /// <summary>One line for <c>outloop config</c>: the URL as written, header values and the secret hidden unless they take it from <c>${ENV}</c>.</summary>
    public string Describe() =>
        $"{Format} {Url} [{string.Join(", ", Events)}]"
        + (Headers.Count == 0 ? string.Empty : " headers: " + string.Join(", ", Headers.Select(h => $"{h.Key}={Mask(h.Value)}")))
        + (Secret is null ? string.Empty : $" secret: {Mask(Secret)}");

    /// <summary>The same entry with header values and the secret hidden as in <see cref="Describe"/>, for JSON output.</summary>
    public WebhookConfig Masked() => this with
    {
        Headers = Headers.ToDictionary(h => h.Key, h => Mask(h.Value), StringComparer.OrdinalIgnoreCase),
        Secret = Secret is null ? null : Mask(Secret),
    };

    /// <summary>Reads the <c>webhooks</c> list; a wrong shape is an <see cref="OutloopException"/> naming the key, file and line.</summary>
    public static IReadOnlyList<WebhookConfig> Parse(string key, YamlNode node, string file)
    {
        if (node is YamlScalarNode { Value: null or "" or "~" or "null" })
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            throw new OutloopException($"{file}:{node.Start.Line}: '{key}' must be a list of webhooks, each with a url (e.g. '- url: ${{SLACK_WEBHOOK_URL}}').");
        }

        var result = new List<WebhookConfig>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var item = sequence.Children[i];
            var name = $"{key}[{i}]";
            if (item is not YamlMappingNode mapping)
            {
                throw new OutloopException($"{file}:{item.Start.Line}: '{name}' must be a mapping with url, events, format, headers and secret.");
            }

            string? url = null, format = null, secret = null;
            IReadOnlyList<string> events = KnownEvents;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var (fieldNode, valueNode) in mapping.Children)
            {
                var field = (fieldNode as YamlScalarNode)?.Value ?? fieldNode.ToString();
                var where = $"{file}:{valueNode.Start.Line}: '{name}.{field}'";
                switch (field)
                {
                    case "url":
                        url = Scalar(valueNode, where);
                        break;
                    case "format":
                        format = Scalar(valueNode, where);
                        if (format is not (Slack or Generic))
                        {
                            throw new OutloopException($"{where} must be slack or generic, '{format}' is not.");
                        }

                        break;
                    case "secret":
                        secret = Scalar(valueNode, where);
                        break;
                    case "events":
                        events = valueNode is YamlSequenceNode list
                            ? [.. list.Children.Select(e => Scalar(e, where))]
                            : throw new OutloopException($"{where} must be a list of events, e.g. [digest, escalation, task_complete].");
                        foreach (var unknown in events.Where(e => !KnownEvents.Contains(e, StringComparer.Ordinal)))
                        {
                            throw new OutloopException($"{where}: unknown event '{unknown}'; the events are {string.Join(", ", KnownEvents)}.");
                        }

                        break;
                    case "headers":
                        if (valueNode is not YamlMappingNode map)
                        {
                            throw new OutloopException($"{where} must be a mapping of header names to values.");
                        }

                        foreach (var (h, v) in map.Children)
                        {
                            headers[(h as YamlScalarNode)?.Value ?? h.ToString()] = Scalar(v, where);
                        }

                        break;
                    default:
                        throw new OutloopException($"{file}:{fieldNode.Start.Line}: unknown field '{name}.{field}'; a webhook has {string.Join(", ", Fields)}.");
                }
            }

            if (string.IsNullOrWhiteSpace(url))
            {
                throw new OutloopException($"{file}:{item.Start.Line}: '{name}' needs a url.");
            }

            result.Add(new WebhookConfig(url, events, format ?? Generic, headers, secret, $"{file}:{item.Start.Line}"));
        }

        return result;
    }

    private static string Scalar(YamlNode node, string where) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw new OutloopException($"{where} must be a single non-empty value.");

    // A value that takes its secret part from the environment ("Bearer ${TOKEN}") is safe to show as written.
    private static string Mask(string value) => EnvReference().IsMatch(value) ? value : "(hidden)";

    [GeneratedRegex(@"\$\{[A-Za-z_][A-Za-z0-9_]*\}")]
    private static partial Regex EnvReference();
}
