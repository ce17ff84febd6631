using Outloop.Ingestion;
using Outloop.Reporting;
using Outloop.Storage;
using Outloop.Tests.Support;

namespace Outloop.Tests.Ingestion;

/// <summary>Whole-file adapters imported ahead of the store (a recording writer per file, rows replayed in order).</summary>
public sealed class WholeFileImportTests : IDisposable
{
    private const int Files = 6;

    /// <summary>More rows than one recorded chunk holds, so every file is handed over in several chunks.</summary>
    private const int RowsPerFile = 1300;

    private readonly TempFolder _temp = new();
    private readonly SqliteStore _store;
    private readonly List<string> _files = [];
    private readonly string _logs;

    public WholeFileImportTests()
    {
        _store = SqliteStore.Open(_temp.File("store.db"));
        _logs = Directory.CreateDirectory(_temp.File("logs")).FullName;
        for (var f = 1; f <= Files; f++)
        {
            var path = Path.Combine(_logs, $"f{f}.whole");
            File.WriteAllText(path, f.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _files.Add(path);
        }
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void EveryRowOfEveryFileIsStoredWithItsState()
    {
        var summary = new SourceImporter(_store, [new RowsAdapter()]).Import(RowsAdapter.Name, [_logs], new ImportOptions());

        Assert.Empty(summary.Problems);
        Assert.Equal((Files * RowsPerFile) + 1, Sessions().Count); // and the one session every file shares
        Assert.Equal(Files, _files.Count(_store.FileStates().ContainsKey));
        Assert.Equal(Files, summary.Lines);
    }

    [Fact]
    public void RowsAreWrittenInTheOrderTheAdapterAndTheFilesWroteThem()
    {
        // A session's project is kept from its first write: the first chunk of a file, the first file of the walk.
        new SourceImporter(_store, [new RowsAdapter()]).Import(RowsAdapter.Name, [_logs], new ImportOptions());

        var sessions = _store.Sessions(new UsageFilter(Agent: RowsAdapter.Name)).ToDictionary(s => s.Id);
        Assert.Equal("p1", sessions["whole:shared"].Project);
        for (var f = 1; f <= Files; f++)
        {
            Assert.Equal("first-chunk", sessions[$"whole:{f}:1"].Project);
        }
    }

    [Fact]
    public void AFileThatFailsAfterSomeChunksIsUndoneAloneAndReported()
    {
        var summary = new SourceImporter(_store, [new RowsAdapter(failFile: 3)]).Import(RowsAdapter.Name, [_logs], new ImportOptions());

        var sessions = Sessions();
        Assert.DoesNotContain(sessions, id => id.StartsWith("whole:3:", StringComparison.Ordinal));
        Assert.Equal((Files - 1) * RowsPerFile, sessions.Count(id => id != "whole:shared"));
        Assert.False(_store.FileStates().ContainsKey(_files[2]));
        var problem = Assert.Single(summary.Problems);
        Assert.Equal(_files[2], problem.Path);
        Assert.Contains("broken on purpose", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AProblemInStrictModeStopsTheImport()
    {
        var error = Assert.Throws<OutloopException>(() =>
            new SourceImporter(_store, [new RowsAdapter(problemFile: 2)]).Import(RowsAdapter.Name, [_logs], new ImportOptions(Strict: true)));

        Assert.Contains("bad on purpose", error.Message, StringComparison.Ordinal);
        Assert.Empty(_store.FileStates());
    }

    private List<string> Sessions() =>
        [.. _store.Sessions(new UsageFilter(Agent: RowsAdapter.Name)).Select(s => s.Id)];

    /// <summary>A whole-document format: the file holds its number; importing writes <see cref="RowsPerFile"/> sessions.</summary>
    private sealed class RowsAdapter(int failFile = 0, int problemFile = 0) : ISourceAdapter
    {
        public const string Name = "whole";

        public string Format => Name;

        public bool CanRead(string path, ReadOnlySpan<byte> head) => path.EndsWith(".whole", StringComparison.Ordinal);

        public FileState Import(SourceFile file, IStoreWriter writer, ImportLog log)
        {
            var number = int.Parse(File.ReadAllText(file.Path), System.Globalization.CultureInfo.InvariantCulture);
            for (var n = 1; n <= RowsPerFile; n++)
            {
                var project = n == 1 ? "first-chunk" : null;
                writer.UpsertSession(new SessionRecord($"whole:{number}:{n}", Name, project, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
                if (number == failFile && n == RowsPerFile - 1)
                {
                    throw new InvalidOperationException("broken on purpose");
                }

                if (number == problemFile && n == RowsPerFile / 2)
                {
                    log.Problem(n, "bad on purpose");
                }
            }

            writer.UpsertSession(new SessionRecord($"whole:{number}:1", Name, "last-chunk", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            writer.UpsertSession(new SessionRecord("whole:shared", Name, $"p{number}", null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
            log.Lines = 1;
            return StoredText.WholeFileState(file, Format, 1);
        }
    }
}
