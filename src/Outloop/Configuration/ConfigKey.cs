namespace Outloop.Configuration;

/// <summary>One known configuration key: its dotted name, its type and its default (null: no default).</summary>
internal sealed record ConfigKey(string Name, ConfigType Type, object? Default, string Description);
