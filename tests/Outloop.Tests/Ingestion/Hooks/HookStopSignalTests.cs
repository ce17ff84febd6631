using Outloop.Ingestion;
using Outloop.Ingestion.Hooks;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion.Hooks;

public sealed class HookStopSignalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Db => _folder.File("home/outloop.db");

    [Fact]
    public void EveryStopLeavesAMarkerAndTheFollowUpStartsOnlyWhenAfterTasksStopsCame()
    {
        var project = _folder.File("project");
        Directory.CreateDirectory(Path.Combine(project, ".outloop"));
        HookStopSignal.WriteState(Db, project, new ProjectTriggerState(3, true, false));
        var launched = new List<string>();

        var signals = Enumerable.Range(1, 3).Select(i => HookStopSignal.Handle(Stop("Stop", project, i), "{}", Db, (_, p) => { launched.Add(p); return true; })).ToList();

        Assert.Equal([1L, 2L, 3L], signals.Select(s => s.Count));
        Assert.Equal([false, false, true], signals.Select(s => s.Due));
        Assert.Equal([project], launched);
        Assert.Equal(3, Directory.EnumerateFiles(HookStopSignal.StopsFolder(Db), "*.json").Count());
    }

    [Fact]
    public void TaskWebhooksStartTheFollowUpOnEveryStopButOffTriggersNeverReview()
    {
        var project = _folder.File("project");
        Directory.CreateDirectory(Path.Combine(project, ".outloop"));
        HookStopSignal.WriteState(Db, project, new ProjectTriggerState(1, false, true));

        var signal = HookStopSignal.Handle(Stop("StopFailure", project, 1), "{}", Db, (_, _) => true);

        Assert.False(signal.Due);
        Assert.True(signal.Launched);
    }

    [Fact]
    public void AFolderWithoutOutloopIsNotCountedAndOtherEventsAreIgnored()
    {
        var plain = _folder.File("plain");
        Directory.CreateDirectory(plain);

        var stop = HookStopSignal.Handle(Stop("Stop", plain, 1), "{}", Db, (_, _) => throw new InvalidOperationException("must not launch"));
        var tool = HookStopSignal.Handle(Stop("PostToolUse", plain, 2), "{}", Db, (_, _) => throw new InvalidOperationException("must not launch"));

        Assert.Equal(0, stop.Count);
        Assert.NotNull(stop.Marker);
        Assert.False(File.Exists(HookStopSignal.CounterFile(Db, plain)));
        Assert.Same(StopSignal.None, tool);
    }

    [Fact]
    public void WithoutAStateFileTheDefaultsApply() =>
        Assert.Equal(new ProjectTriggerState(10, true, false), HookStopSignal.ReadState(_folder.File("nothing.state")));

    private static HookRecords Stop(string eventName, string cwd, int n)
    {
        var at = DateTimeOffset.UtcNow;
        return new HookRecords(
            new HookEventRecord($"event-{n}", "session-1", eventName, null, at, "{}"),
            new SessionRecord("session-1", "claude", "p", cwd, at, at),
            null,
            null);
    }
}
