using Outloop.Automation.Specs;
using Outloop.Automation.Tools;
using Outloop.Patterns;
using Outloop.Storage;
using Outloop.Tests.Automation.Candidates;
using Outloop.Tests.Reporting;
using TempFolder = Outloop.Tests.Support.TempFolder;

namespace Outloop.Tests.Automation.Specs;

/// <summary>Pattern specs on a real store and real files: written, read back, edited by hand, moved along the lifecycle.</summary>
public sealed class PatternSpecTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly SqlitePatternStore _patterns;

    public PatternSpecTests()
    {
        _store = SqliteStore.Open(_temp.File("store.db"));
        _patterns = new SqlitePatternStore(_store);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private PatternSpecWriter Writer(PatternSpecOptions? options = null, DateTimeOffset? at = null) =>
        new(_patterns, new SqliteToolStore(_store), _temp.Path, options ?? new PatternSpecOptions(), new FixedClock(at ?? Now));

    private PatternRecord Pattern(int confidence = 80)
    {
        var pattern = Make(confidence, "test:pytest:backend");
        HandMadePatterns.Write(_store, pattern);
        return pattern;
    }

    private static PatternRecord Make(int confidence, string signature) =>
        HandMadePatterns.Op(signature, 6, confidence, 5.0, command: "cd backend && pytest -q") with
        {
            ConfidenceParts = """{"frequency":0.6,"consistency":1,"success":0.95,"formula":"40 x frequency + 30 x consistency: 30 x success"}""",
        };

    [Fact]
    public void ASpecIsWrittenAsYamlAndReadsBackToTheSameSpec()
    {
        var pattern = Pattern();
        new SqliteToolStore(_store).Upsert(new ToolDefinition("test-pytest-backend", ["bash", "t.sh"]), pattern.Id);
        _patterns.SetStatus(new StatusChange(pattern.Id, PatternStatus.Candidate, "outloop candidates", Now.AddDays(-1), "meets the thresholds"));

        var written = Writer().Write(pattern.Id, "marco");
        var read = PatternSpecFile.Load(written.Path);

        Assert.Equal(Path.Combine(_temp.Path, ".outloop", "patterns", pattern.Id + ".yaml"), written.Path);
        Assert.Equal(pattern with { Details = null }, read.Pattern);
        Assert.Equal(PatternStatus.Candidate, read.Status);
        Assert.Equal(["cd backend && pytest -q"], read.TypicalCommands);
        Assert.Equal("test-pytest-backend", read.Tool);
        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => $"{pattern.Id}-t{i}")], read.EvidenceTaskIds);
        Assert.Equal((Now, Now), (read.Created, read.Updated));
        var change = Assert.Single(read.History);
        Assert.Equal(new StatusChange(pattern.Id, PatternStatus.Candidate, "outloop candidates", Now.AddDays(-1), "meets the thresholds"), change);
        Assert.True(read.IsDraft);
        Assert.Empty(written.Changes);
    }

    [Fact]
    public void WritingAgainKeepsTheCreationTimeAndUpdatesTheRest()
    {
        var pattern = Pattern();
        Writer().Write(pattern.Id, "marco");

        var again = Writer(at: Now.AddDays(2)).Write(pattern.Id, "marco");

        Assert.Equal((Now, Now.AddDays(2)), (again.Spec!.Created, again.Spec.Updated));
        Assert.Equal(Now, PatternSpecFile.Load(again.Path).Created);
    }

    [Theory]
    [InlineData(true, 75, PatternStatus.Approved)]
    [InlineData(true, 74, PatternStatus.Detected)]
    [InlineData(false, 75, PatternStatus.Detected)]
    [InlineData(false, 100, PatternStatus.Detected)]
    public void OnlyAggressiveModeApprovesAtTheConfiguredConfidence(bool aggressive, int confidence, string expected)
    {
        var pattern = Pattern(confidence);

        var result = Writer(new PatternSpecOptions { Aggressive = aggressive, AutoApproveConfidence = 75 }).Write(pattern.Id, "marco");

        Assert.Equal(expected, result.Spec!.Status);
        Assert.Equal(expected, _patterns.Find(pattern.Id)!.Value.Status);
        Assert.Equal(expected, PatternSpecFile.Load(result.Path).Status);
        if (expected == PatternStatus.Approved)
        {
            var change = Assert.Single(_patterns.History(pattern.Id));
            Assert.Equal((PatternStatus.Approved, "outloop (aggressive mode)", Now), (change.Status, change.ChangedBy, change.ChangedAt));
            Assert.Contains("confidence 75 >= 75", change.Note, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(_patterns.History(pattern.Id));
            Assert.True(result.Spec.IsDraft);
        }
    }

    [Fact]
    public void AllCandidatesAreMarkedAndWrittenAndOthersAreNot()
    {
        var candidate = Make(80, "test:pytest:backend");
        var weak = Make(60, "lint:eslint:all");
        HandMadePatterns.Write(_store, candidate, weak);

        var results = Writer().WriteCandidates("marco");

        var only = Assert.Single(results);
        Assert.Equal(candidate.Id, only.Spec!.Pattern.Id);
        Assert.Equal(PatternStatus.Candidate, only.Spec.Status);
        Assert.False(File.Exists(PatternSpecFile.PathFor(_temp.Path, weak.Id)));
    }

    [Fact]
    public void ApprovingRecordsWhoAndWhenInTheStoreAndTheSpec()
    {
        var pattern = Pattern();
        var at = new DateTimeOffset(2026, 4, 2, 8, 30, 0, TimeSpan.Zero);

        var result = Writer(at: at).ChangeStatus(pattern.Id, PatternStatus.Approved, "anna", "reviewed the script");

        var stored = Assert.Single(_patterns.History(pattern.Id));
        Assert.Equal(new StatusChange(pattern.Id, PatternStatus.Approved, "anna", at, "reviewed the script"), stored);
        Assert.Equal([stored], PatternSpecFile.Load(result.Path).History);
        var text = File.ReadAllText(result.Path);
        Assert.Contains("status: approved", text, StringComparison.Ordinal);
        Assert.Contains("by: \"anna\"", text, StringComparison.Ordinal);
        Assert.Contains("at: 2026-04-02T08:30:00.000Z", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIllegalTransitionIsRefusedAndNothingIsRecorded()
    {
        var pattern = Pattern();
        var writer = Writer();
        writer.ChangeStatus(pattern.Id, PatternStatus.Deprecated, "anna", "rejected");

        var error = Assert.Throws<OutloopException>(() => writer.ChangeStatus(pattern.Id, PatternStatus.Approved, "anna", null));

        Assert.Contains("cannot go from deprecated to approved", error.Message, StringComparison.Ordinal);
        Assert.Contains("from deprecated it may go to candidate", error.Message, StringComparison.Ordinal);
        Assert.Equal(PatternStatus.Deprecated, _patterns.Find(pattern.Id)!.Value.Status);
        Assert.Single(_patterns.History(pattern.Id));
    }

    [Fact]
    public void AStatusEditedByHandIsCheckedRecordedAndWrittenBack()
    {
        var pattern = Pattern();
        var path = Writer().Write(pattern.Id, "marco").Path;
        File.WriteAllText(path, File.ReadAllText(path).Replace("status: detected", "status: approved", StringComparison.Ordinal));

        var results = Writer(at: Now.AddHours(1)).Sync("anna");

        var result = Assert.Single(results);
        var change = Assert.Single(result.Changes);
        Assert.Equal((PatternStatus.Approved, "anna", Now.AddHours(1)), (change.Status, change.ChangedBy, change.ChangedAt));
        Assert.Equal($"status edited in {pattern.Id}.yaml", change.Note);
        Assert.Equal(PatternStatus.Approved, _patterns.Find(pattern.Id)!.Value.Status);
        Assert.Equal(PatternStatus.Approved, PatternSpecFile.Load(path).History[^1].Status);
        Assert.Empty(Writer().Sync("anna").SelectMany(r => r.Changes));
    }

    [Fact]
    public void AnUnknownStatusInAnEditedSpecNamesTheFileLineAndField()
    {
        var pattern = Pattern();
        var path = Writer().Write(pattern.Id, "marco").Path;
        var text = File.ReadAllText(path).Replace("status: detected", "status: aproved", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var line = Array.FindIndex(text.Split('\n'), l => l.StartsWith("status:", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<OutloopException>(() => Writer().Sync("anna"));

        Assert.StartsWith($"{path}:{line}: status: 'aproved' is not a pattern status; expected one of detected, candidate", error.Message, StringComparison.Ordinal);
        Assert.Equal(PatternStatus.Detected, _patterns.Find(pattern.Id)!.Value.Status);
    }

    [Fact]
    public void AnEditedStatusTheLifecycleForbidsIsRefusedWithTheFileAndLine()
    {
        var pattern = Pattern();
        var path = Writer().Write(pattern.Id, "marco").Path;
        var text = File.ReadAllText(path).Replace("status: detected", "status: active", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var line = Array.FindIndex(text.Split('\n'), l => l.StartsWith("status:", StringComparison.Ordinal)) + 1;

        var error = Assert.Throws<OutloopException>(() => Writer().Write(pattern.Id, "anna"));

        Assert.StartsWith($"{path}:{line}: status: pattern {pattern.Id} cannot go from detected to active", error.Message, StringComparison.Ordinal);
        Assert.Empty(_patterns.History(pattern.Id));
    }

    [Fact]
    public void AStaleSpecDoesNotUndoAChangeMadeInTheStore()
    {
        var pattern = Pattern();
        var writer = Writer();
        writer.ChangeStatus(pattern.Id, PatternStatus.Approved, "anna", null);
        _patterns.SetStatus(new StatusChange(pattern.Id, PatternStatus.Quarantined, "outloop", Now, "3/5 runs failed"));

        var result = Assert.Single(writer.Sync("anna"));

        Assert.Empty(result.Changes);
        Assert.Equal(PatternStatus.Quarantined, result.Spec!.Status);
    }

    [Fact]
    public void AnUnknownFieldIsAnErrorWithItsLine()
    {
        var error = Assert.Throws<OutloopException>(() => PatternSpecFile.Parse("id: op-1\nkind: op\nsignature: x\nstaus: approved\nstatus: detected\n", "op-1.yaml"));

        Assert.StartsWith("op-1.yaml:4: staus: unknown field", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("detected", "candidate", true)]
    [InlineData("candidate", "approved", true)]
    [InlineData("approved", "implemented", true)]
    [InlineData("implemented", "active", true)]
    [InlineData("active", "deprecated", true)]
    [InlineData("active", "quarantined", true)]
    [InlineData("quarantined", "active", true)]
    [InlineData("detected", "active", false)]
    [InlineData("candidate", "implemented", false)]
    [InlineData("deprecated", "active", false)]
    [InlineData("quarantined", "approved", false)]
    public void TheLifecycleAllowsItsOrderAndRefusesSkips(string from, string to, bool allowed) =>
        Assert.Equal(allowed, PatternLifecycle.CanMove(from, to));
}
