using Outloop.Configuration;
using Outloop.Ingestion;
using Outloop.Notify;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Notify;

/// <summary>A temp folder with a project (its <c>.outloop/config.yaml</c>), a store beside it, and tasks written into the store.</summary>
internal sealed class NotifyFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public NotifyFixture(string? config = null)
    {
        Project = _folder.File("project");
        Directory.CreateDirectory(Path.Combine(Project, ".outloop"));
        if (config is not null)
        {
            _folder.Write("project/.outloop/config.yaml", config);
        }

        Db = _folder.File("store/outloop.db");
        Store = SqliteStore.Open(Db);
    }

    public string Project { get; }

    public string Db { get; }

    public SqliteStore Store { get; }

    public string LogText => System.IO.File.Exists(Log) ? System.IO.File.ReadAllText(Log) : string.Empty;

    public string Log => _folder.File("store/logs/webhooks.log");

    public OutloopConfig Config() => ConfigLoader.Load(Project, _folder.File("user/config.yaml"));

    public Notifier Notifier(HttpClient http, IReadOnlyDictionary<string, string>? environment = null, TimeProvider? clock = null) =>
        new(Store, new NotifierOptions(clock ?? new Reporting.FixedClock(Now), name => environment?.GetValueOrDefault(name), http, _ => Config()));

    /// <summary>Adds <paramref name="count"/> tasks in the project, started before <see cref="Now"/> by <paramref name="age"/>, each with the same lesson.</summary>
    public void AddTasks(int count, string outcome = "converged", TimeSpan? age = null, string prefix = "T")
    {
        using var writer = Store.BeginWrite();
        writer.UpsertSession(new SessionRecord("s-" + prefix, "adw", "project", Project, Now - (age ?? TimeSpan.FromHours(1)), Now));
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}{i + 1}";
            var started = Now - (age ?? TimeSpan.FromHours(1)) + TimeSpan.FromMinutes(i);
            writer.UpsertTask(new TaskRecord(id, "s-" + prefix, "adw", $"Task {id}: fix the login form", started,
                Outcome: Enum.Parse<TaskOutcome>(outcome, ignoreCase: true), Iterations: 2));
            writer.UpsertLearning(new LearningRecord("L-" + id, "s-" + prefix, id, "adw", "Run the linter before committing", started));
        }

        writer.Commit();
    }

    public void Dispose()
    {
        Store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
