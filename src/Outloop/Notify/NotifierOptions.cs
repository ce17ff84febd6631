using Outloop.Configuration;

namespace Outloop.Notify;

/// <summary>What the <see cref="Notifier"/> needs from outside: the clock, the environment (for <c>${ENV}</c>), the HTTP client and how a project's configuration is loaded.</summary>
internal sealed record NotifierOptions(TimeProvider Clock, Func<string, string?> Environment, HttpClient Http, Func<string, OutloopConfig> LoadConfig)
{
    /// <summary>The real ones: system clock and environment, <c>.outloop/config.yaml</c> over the user's file (the user's only for no project).</summary>
    public static NotifierOptions Default(HttpClient http) => new(
        TimeProvider.System,
        System.Environment.GetEnvironmentVariable,
        http,
        project => ConfigLoader.Load(project.Length > 0 && Directory.Exists(project) ? project : null));
}
