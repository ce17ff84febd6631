using Microsoft.Data.Sqlite;
using Outloop.Ingestion;
using Outloop.Ingestion.Claude;
using Outloop.Patterns;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Patterns.Engine;

public sealed class PatternEngineTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly PatternStoreBuilder _build;

    public PatternEngineTests()
    {
        _store = SqliteStore.Open(_temp.File("outloop.db"));
        _build = new PatternStoreBuilder(_store);
    }

    [Fact]
    public void SavingsArithmeticFollowsTheDocumentedFormula()
    {
        // Three tasks over two days; in each, one request issues two calls (mix test and a read), a second request
        // reads the results and a third re-reads them from the cache (k = 1).
        var result = "Finished in 0.1 seconds\n3 tests, 0 failures";
        _build.Session("s");
        for (var i = 0; i < 3; i++)
        {
            var at = PatternStoreBuilder.Start.AddDays(i);
            var task = "t" + i;
            _build.Task("s", task, "run the tests", at);
            _build.Request("s", task, "r" + i + "a", at, output: 300);
            _build.Bash("s", task, "c" + i, "mix test", at.AddSeconds(1), true, result, request: "r" + i + "a");
            _build.Call("s", task, "read" + i, "Read", "{\"file_path\":\"/p/lib/a.ex\"}", at.AddSeconds(1), true, "defmodule A do end", request: "r" + i + "a");
            _build.Request("s", task, "r" + i + "b", at.AddSeconds(10), output: 50);
            _build.Request("s", task, "r" + i + "c", at.AddSeconds(20), output: 50);
        }

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        var patterns = new SqlitePatternStore(_store);
        var test = Assert.Single(patterns.List(new PatternFilter(PatternKind.Operation)), l => l.Pattern.Signature == "test:mix:all").Pattern;
        var res = TokenEstimator.Estimate(result);
        var price = PatternStoreBuilder.Price;
        var llm = 3 * ((150 * (double)price.Output) + (res * ((double)price.Input + (1 * (double)price.CacheRead))));
        var script = 3 * ((OperationCosting.ScriptCallTokens * (double)price.Output) + (res * ((double)price.Input + (1 * (double)price.CacheRead))));
        var observedDays = 2.0; // first call day 0 09:00:01, last call day 2 09:00:01
        Assert.Equal(3, test.Occurrences);
        Assert.Equal(3 * (150 + res), test.LlmTokens);
        Assert.Equal(3 * (OperationCosting.ScriptCallTokens + res), test.ToolTokens);
        Assert.Equal(llm, test.LlmCostUsd, 1e-12);
        Assert.Equal(script, test.ScriptCostUsd, 1e-12);
        Assert.Equal((llm - script) * 30 / observedDays, test.MonthlySavingsUsd, 1e-12);
        var read = Assert.Single(patterns.List(new PatternFilter(PatternKind.Operation)), l => l.Pattern.Signature.StartsWith("file:read", StringComparison.Ordinal)).Pattern;
        Assert.Equal(0, read.MonthlySavingsUsd);
    }

    [Fact]
    public void SearchesAreNotScriptableSoTheyPromiseNoSaving()
    {
        // The model picks each query and reads the whole answer: a script cannot search for it.
        _build.Session("s");
        for (var i = 0; i < 6; i++)
        {
            var at = PatternStoreBuilder.Start.AddHours(i);
            _build.Task("s", "t" + i, "find the handler", at);
            _build.Request("s", "t" + i, "r" + i, at, output: 200);
            _build.Call("s", "t" + i, "g" + i, "Grep", "{\"pattern\":\"def handle\",\"path\":\"/p/app\"}", at.AddSeconds(1), true, string.Join('\n', Enumerable.Range(0, 400).Select(n => $"/p/app/m{n}.py:{n}: def handle_{n}(request):")), request: "r" + i);
            _build.Request("s", "t" + i, "r" + i + "b", at.AddSeconds(10), output: 50);
        }

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        var search = Assert.Single(new SqlitePatternStore(_store).List(new PatternFilter(PatternKind.Operation)), l => l.Pattern.Signature.StartsWith("search:", StringComparison.Ordinal)).Pattern;
        Assert.Equal(6, search.Occurrences);
        Assert.Equal(search.LlmTokens, search.ToolTokens);
        Assert.Equal(0, search.MonthlySavingsUsd);
    }

    [Fact]
    public void APatternIsCountedOncePerTaskAndTheStoreRejectsASecondOccurrence()
    {
        _build.Session("s");
        for (var i = 0; i < 3; i++)
        {
            var at = PatternStoreBuilder.Start.AddHours(i);
            _build.Task("s", "t" + i, "check status", at);
            for (var j = 0; j < 4; j++)
            {
                _build.Bash("s", "t" + i, $"c{i}{j}", "git status", at.AddMinutes(j), true, "clean");
            }
        }

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        var patterns = new SqlitePatternStore(_store);
        var status = Assert.Single(patterns.List(new PatternFilter(PatternKind.Operation)), l => l.Pattern.Signature == "vcs:git:status");
        Assert.Equal(3, status.Occurrences);
        Assert.Equal(12, status.Pattern.Calls);
        var first = patterns.Evidence(status.Pattern.Id)[0].Occurrence;
        var duplicate = Assert.Throws<SqliteException>(() => patterns.AddOccurrence(first with { ToolCallId = "c01" }));
        Assert.Contains("UNIQUE", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(3, patterns.Evidence(status.Pattern.Id).Count);
    }

    [Fact]
    public void FailureTemplatesGroupTheSameErrorWithDifferentNumbersAndPaths()
    {
        _build.Session("s");
        var at = PatternStoreBuilder.Start;
        _build.Task("s", "t1", "fix compile", at);
        _build.Task("s", "t2", "fix compile again", at.AddHours(1));
        _build.Bash("s", "t1", "a", "mix compile", at.AddMinutes(1), false, "Exit code 1\n== Compilation error in file lib/a.ex ==\n** (CompileError) lib/a.ex:12: undefined function foo/1");
        _build.Bash("s", "t2", "b", "mix compile", at.AddHours(1).AddMinutes(1), false, "Exit code 1\n== Compilation error in file lib/b/c.ex ==\n** (CompileError) lib/b/c.ex:408: undefined function bar/2");
        _build.Bash("s", "t2", "c", "git push", at.AddHours(1).AddMinutes(2), false, "fatal: not a git repository (or any of the parent directories): .git");

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        var failures = new SqlitePatternStore(_store).List(new PatternFilter(PatternKind.Failure));
        Assert.True(failures.Count == 2, string.Join(" | ", failures.Select(f => f.Pattern.Signature)));
        var compile = Assert.Single(failures, f => f.Pattern.Signature.Contains("CompileError", StringComparison.Ordinal)).Pattern;
        Assert.Equal(2, compile.Calls);
        Assert.Equal(2, compile.Tasks);
        Assert.Contains("build:mix:all", compile.Details, StringComparison.Ordinal);
        Assert.Equal(100, compile.Confidence); // both tasks in the window hit it
        Assert.DoesNotContain("lib/a.ex", compile.Signature, StringComparison.Ordinal);
    }

    [Fact]
    public void EditFailingTestEditPassingTestIsTwoIterations()
    {
        _build.Session("s");
        var at = PatternStoreBuilder.Start;
        _build.Task("s", "t", "fix the parser", at);
        _build.Edit("s", "t", "e1", "lib/parser.ex", at.AddMinutes(1));
        _build.Bash("s", "t", "x1", "mix test", at.AddMinutes(2), false, "Exit code 2\n1) test parses (ParserTest)\n3 tests, 1 failure");
        _build.Edit("s", "t", "e2", "lib/parser.ex", at.AddMinutes(3));
        _build.Bash("s", "t", "x2", "mix test", at.AddMinutes(4), true, "3 tests, 0 failures");
        _build.Task("s", "u", "fix the lexer", at.AddHours(1));
        _build.Bash("s", "u", "y1", "mix test", at.AddHours(1).AddMinutes(1), false, "3 tests, 1 failure");

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        Assert.Equal((2L, 90L), TaskFigures("t")); // converged by its last check: 100 - 10 x (2 - 1)
        Assert.Equal((1L, 10L), TaskFigures("u")); // a failure not followed by edits is no iteration; failed: 10
    }

    [Fact]
    public void TopOperationsOnTheRealSessionsAreTheElixirTestAndCompileRunsWithEvidence()
    {
        var claude = SharedData.Require("claude");
        new ClaudeImporter(_store).Import([claude], new ImportOptions());

        PatternEngine.Backfill(_store, new BackfillOptions(Outloop.Reporting.Pricing.PriceTable.Default));

        var patterns = new SqlitePatternStore(_store);
        var ops = patterns.List(new PatternFilter(PatternKind.Operation));
        var top = ops.Take(3).Select(o => o.Pattern.Signature).ToList();
        Assert.Contains("test:mix:all", top);
        var compile = Assert.Single(ops, o => o.Pattern.Signature == "build:mix:all");
        Assert.True(compile.Occurrences >= 5, $"mix compile ran in {compile.Occurrences} tasks");
        Assert.True(ops.IndexOf(compile) < ops.FindIndex(o => o.Pattern.MonthlySavingsUsd == 0), "compile runs rank above every unscriptable operation");
        foreach (var signature in new[] { "test:mix:all", "build:mix:all" })
        {
            var pattern = ops.Single(o => o.Pattern.Signature == signature).Pattern;
            var evidence = patterns.Evidence(pattern.Id);
            Assert.Equal(pattern.Occurrences, evidence.Count);
            Assert.Equal(evidence.Count, evidence.Select(e => e.Occurrence.TaskId).Distinct().Count());
            Assert.All(evidence, e => Assert.StartsWith("mix ", e.Command, StringComparison.Ordinal));
            Assert.Equal(pattern.LlmCostUsd, evidence.Sum(e => e.Occurrence.LlmCostUsd), 1e-9);
        }
    }

    [Fact]
    public void BackfillTwiceGivesIdenticalTables()
    {
        var claude = SharedData.Require("claude");
        new ClaudeImporter(_store).Import([claude], new ImportOptions());
        var options = new BackfillOptions(Outloop.Reporting.Pricing.PriceTable.Default);

        PatternEngine.Backfill(_store, options);
        var first = Dump();
        PatternEngine.Backfill(_store, options);
        var second = Dump();

        Assert.True(first.Length > 100_000, "the dump holds the pattern tables");
        Assert.Equal(first, second);
    }

    [Fact]
    public void AStatusSetByAPersonSurvivesABackfillAndIsInTheHistory()
    {
        _build.Session("s");
        for (var i = 0; i < 3; i++)
        {
            _build.Task("s", "t" + i, "status", PatternStoreBuilder.Start.AddHours(i));
            _build.Bash("s", "t" + i, "c" + i, "git status", PatternStoreBuilder.Start.AddHours(i).AddMinutes(1), true, "clean");
        }

        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));
        var patterns = new SqlitePatternStore(_store);
        var id = PatternIds.Make(PatternKind.Operation, "vcs:git:status");
        patterns.SetStatus(new StatusChange(id, PatternStatus.Approved, "marco", PatternStoreBuilder.Start.AddDays(1), "script it"));
        PatternEngine.Backfill(_store, new BackfillOptions(PatternStoreBuilder.Prices));

        Assert.Equal(PatternStatus.Approved, patterns.Find(id)!.Value.Status);
        Assert.Equal("marco", Assert.Single(patterns.History(id)).ChangedBy);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private (long Iterations, long Score) TaskFigures(string id)
    {
        using var command = _store.Connection.CreateCommand();
        command.CommandText = "SELECT iterations, score FROM tasks WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    private string Dump()
    {
        var text = new System.Text.StringBuilder();
        foreach (var query in new[]
        {
            "SELECT * FROM patterns ORDER BY id",
            "SELECT * FROM pattern_occurrences ORDER BY pattern_id, task_id",
            "SELECT * FROM failures ORDER BY tool_call_id",
            "SELECT id, signature FROM tool_calls ORDER BY id",
            "SELECT id, iterations, score FROM tasks ORDER BY id",
        })
        {
            using var command = _store.Connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
