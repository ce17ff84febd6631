using System.Globalization;
using Outloop.Storage;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Outloop.Configuration;

/// <summary>
/// Reads <c>.outloop/config.yaml</c> of the project over <c>~/.outloop/config.yaml</c> (or <c>$OUTLOOP_HOME</c>) over
/// the defaults. An unknown key or a value of the wrong type is an <see cref="OutloopException"/> naming the key, the
/// file and the line.
/// </summary>
internal static class ConfigLoader
{
    public const string FileName = "config.yaml";

    /// <summary>The project's config file: <c>DIR/.outloop/config.yaml</c>.</summary>
    public static string ProjectFile(string projectDirectory) => Path.Combine(Path.GetFullPath(projectDirectory), ".outloop", FileName);

    /// <summary>The user's config file: <c>~/.outloop/config.yaml</c>, or under <c>$OUTLOOP_HOME</c>.</summary>
    public static string UserFile() => Path.Combine(StoreLocation.OutloopHome(), FileName);

    /// <summary>Loads the effective configuration for a project folder (null: the user file and defaults only).</summary>
    public static OutloopConfig Load(string? projectDirectory, string? userFile = null)
    {
        var values = OutloopConfig.Defaults.Values.ToDictionary(v => v.Key.Name, StringComparer.Ordinal);
        Apply(values, userFile ?? UserFile());
        if (projectDirectory is not null)
        {
            Apply(values, ProjectFile(projectDirectory));
        }

        return new OutloopConfig(values);
    }

    /// <summary>Applies one YAML text (for tests and for files) to the values.</summary>
    public static void Apply(Dictionary<string, ConfigValue> values, string file)
    {
        if (!File.Exists(file))
        {
            return;
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new OutloopException($"{file}:{e.Start.Line}: not valid YAML ({e.Message}). Fix the file or remove it.", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new OutloopException($"{file}:{stream.Documents[0].RootNode.Start.Line}: the configuration must be a mapping of keys to values.");
        }

        Walk(values, file, root, prefix: string.Empty);
    }

    private static void Walk(Dictionary<string, ConfigValue> values, string file, YamlMappingNode mapping, string prefix)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var name = prefix + ((keyNode as YamlScalarNode)?.Value ?? keyNode.ToString());
            var canonical = ConfigKeys.Aliases.TryGetValue(name, out var alias) ? alias : name;
            var key = ConfigKeys.Find(canonical);
            if (key is null && valueNode is YamlMappingNode nested && ConfigKeys.All.Any(k => k.Name.StartsWith(name + ".", StringComparison.Ordinal))
                || key is null && valueNode is YamlMappingNode && ConfigKeys.Aliases.Keys.Any(k => k.StartsWith(name + ".", StringComparison.Ordinal)))
            {
                Walk(values, file, (YamlMappingNode)valueNode, name + ".");
                continue;
            }

            if (key is null)
            {
                throw new OutloopException($"{file}:{keyNode.Start.Line}: unknown configuration key '{name}'. Run 'outloop config' to see every key.");
            }

            values[key.Name] = new ConfigValue(key, Convert(key, valueNode, file), $"{file}:{keyNode.Start.Line}");
        }
    }

    private static object? Convert(ConfigKey key, YamlNode node, string file)
    {
        string Where() => $"{file}:{node.Start.Line}: '{key.Name}'";
        if (key.Type == ConfigType.WebhookList)
        {
            return WebhookConfig.Parse(key.Name, node, file);
        }

        if (key.Type == ConfigType.NumberList)
        {
            if (node is not YamlSequenceNode sequence)
            {
                throw new OutloopException($"{Where()} must be a list of numbers, e.g. [0.5, 0.8].");
            }

            return sequence.Children.Select(child => child is YamlScalarNode s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
                ? d
                : throw new OutloopException($"{file}:{child.Start.Line}: '{key.Name}' must be a list of numbers, '{child}' is not a number.")).ToArray();
        }

        if (node is not YamlScalarNode scalar)
        {
            throw new OutloopException($"{Where()} must be a single value, not a {(node is YamlSequenceNode ? "list" : "mapping")}.");
        }

        var text = scalar.Value ?? string.Empty;
        if (scalar.Style == ScalarStyle.Plain && (text.Length == 0 || text is "~" or "null"))
        {
            return key.Type == ConfigType.Text ? null : throw new OutloopException($"{Where()} needs a value.");
        }

        return key.Type switch
        {
            ConfigType.Integer when long.TryParse(text, NumberStyles.Integer | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var l) => key.Default is long ? l : checked((int)l),
            ConfigType.Integer => throw new OutloopException($"{Where()} must be a whole number, '{text}' is not."),
            ConfigType.Number when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            ConfigType.Number => throw new OutloopException($"{Where()} must be a number, '{text}' is not."),
            ConfigType.Boolean when bool.TryParse(text, out var b) => b,
            ConfigType.Boolean => throw new OutloopException($"{Where()} must be true or false, '{text}' is not."),
            _ => text,
        };
    }
}
