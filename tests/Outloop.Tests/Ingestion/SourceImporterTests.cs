using System.Text.Json;
using Outloop.Ingestion;
using Outloop.Reporting;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion;

public sealed class SourceImporterTests : IDisposable
{
    private const int Files = 5;
    private const int LinesPerFile = 10;
    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly List<string> _files = [];

    public SourceImporterTests()
    {
        _store = SqliteStore.Open(_temp.File("store.db"));
        for (var f = 1; f <= Files; f++)
        {
            var lines = Enumerable.Range(1, LinesPerFile).Select(n => $"{{\"file\":{f},\"n\":{n}}}");
            _files.Add(_temp.Write($"f{f}.test.jsonl", string.Join('\n', lines) + "\n"));
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void AnImportKilledMidFileKeepsOnlyWholeCommittedFilesAndResumesToTheSameStore()
    {
        // Files 1-2 are committed together, then the import dies on line 5 of file 4.
        var crash = Assert.Throws<SimulatedCrashException>(() =>
            new SourceImporter(_store, [new CountingAdapter(crashAt: (4, 5), crashWith: () => new SimulatedCrashException())], commitEveryFiles: 2)
                .Import(CountingAdapter.Name, [_temp.Path], new ImportOptions()));
        Assert.NotNull(crash);

        AssertStatesMatchRows();
        Assert.Equal([1, 2], ImportedFiles());

        var summary = new SourceImporter(_store, [new CountingAdapter()], commitEveryFiles: 2)
            .Import(CountingAdapter.Name, [_temp.Path], new ImportOptions());

        Assert.Equal(2, summary.UnchangedFiles);
        Assert.Equal(3 * LinesPerFile, summary.Lines);
        AssertStatesMatchRows();
        Assert.Equal([1, 2, 3, 4, 5], ImportedFiles());
        Assert.Equal(Files * LinesPerFile, Sessions().Count);
    }

    [Fact]
    public void AFileThatFailsInASharedTransactionIsUndoneAloneAndReported()
    {
        var summary = new SourceImporter(_store, [new CountingAdapter(crashAt: (3, 7), crashWith: () => new InvalidOperationException("boom"))])
            .Import(CountingAdapter.Name, [_temp.Path], new ImportOptions());

        AssertStatesMatchRows();
        Assert.Equal([1, 2, 4, 5], ImportedFiles());
        var problem = Assert.Single(summary.Problems, p => p.Path.EndsWith(".test.jsonl", StringComparison.Ordinal));
        Assert.Equal(_files[2], problem.Path);
        Assert.Contains("boom", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void LinesOfALineAdapterAreAppliedInFileOrder()
    {
        var adapter = new CountingAdapter();
        new SourceImporter(_store, [adapter]).Import(CountingAdapter.Name, [_temp.Path], new ImportOptions());

        Assert.Equal(Files * LinesPerFile, adapter.Applied.Count);
        Assert.Equal(adapter.Applied.Order().ToList(), adapter.Applied);
    }

    /// <summary>Every file with a saved state has all its rows; every file without one has none.</summary>
    private void AssertStatesMatchRows()
    {
        var states = _store.FileStates();
        var rows = Sessions();
        for (var f = 1; f <= Files; f++)
        {
            var path = _files[f - 1];
            var fileRows = rows.Count(id => id.StartsWith($"test:{f}:", StringComparison.Ordinal));
            if (states.TryGetValue(path, out var state))
            {
                Assert.Equal(new FileInfo(path).Length, state.Offset);
                Assert.Equal(LinesPerFile, state.Lines);
                Assert.Equal(LinesPerFile, fileRows);
            }
            else
            {
                Assert.Equal(0, fileRows);
            }
        }
    }

    private List<int> ImportedFiles()
    {
        var states = _store.FileStates();
        return [.. Enumerable.Range(1, Files).Where(f => states.ContainsKey(_files[f - 1]))];
    }

    private List<string> Sessions() =>
        [.. _store.Sessions(new UsageFilter(Agent: CountingAdapter.Name)).Select(s => s.Id)];

    private sealed class SimulatedCrashException : Exception;

    /// <summary>A line format writing one session per line, <c>test:FILE:N</c>; it can throw at one line.</summary>
    private sealed class CountingAdapter((int File, int Line)? crashAt = null, Func<Exception>? crashWith = null) : ILineAdapter
    {
        public const string Name = "test";

        public List<string> Applied { get; } = [];

        public (int File, int Line)? CrashAt => crashAt;

        public Exception Crash() => crashWith!();

        public string Format => Name;

        public bool CanRead(string path, ReadOnlySpan<byte> head) => path.EndsWith(".test.jsonl", StringComparison.Ordinal);

        public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log) => LineImport.Sequential(this, file, writer, log);

        public object? Parse(ReadOnlyMemory<byte> line)
        {
            using var document = JsonDocument.Parse(line);
            return (document.RootElement.GetProperty("file").GetInt32(), document.RootElement.GetProperty("n").GetInt32());
        }

        public ILineApplier Open(SourceFile file) => new Applier(this);

        private sealed class Applier(CountingAdapter adapter) : ILineApplier
        {
            public string? Apply(object parsed, long lineNumber, IStoreWriter writer)
            {
                var (file, n) = ((int, int))parsed;
                if (adapter.CrashAt == (file, n))
                {
                    throw adapter.Crash();
                }

                writer.UpsertSession(new SessionRecord($"test:{file}:{n}", Name, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
                adapter.Applied.Add($"{file:00}:{n:00}");
                return null;
            }

            public string? Flush(IStoreWriter writer) => null;
        }
    }
}
