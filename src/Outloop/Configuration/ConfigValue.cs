namespace Outloop.Configuration;

/// <summary>An effective value and where it came from: <c>default</c>, or the file and line that set it.</summary>
internal sealed record ConfigValue(ConfigKey Key, object? Value, string Source);
