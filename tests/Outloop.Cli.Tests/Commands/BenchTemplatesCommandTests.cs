using System.Text.Json;

namespace Outloop.Cli.Tests.Commands;

public sealed class BenchTemplatesCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"outloop-bench-{Guid.NewGuid():N}");

    public BenchTemplatesCommandTests()
    {
        // A two-system benchmark folder in the Loghub layout, written by the test.
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "settings.json"), """
            {"datasets": {
              "Alpha": {"log_file": "Alpha/Alpha_2k.log", "log_format": "<Time> <Level>: <Content>", "regex": ["ignored"], "st": 0.9},
              "Beta": {"log_file": "Beta/Beta_2k.log", "log_format": "\\[<Level>\\] <Content>"}
            }}
            """);
        WriteSystem("Alpha", l => $"12:00:0{l} INFO: ", ["open file 1 ok", "open file 2 ok", "disk full on sda"],
            ["E1", "E1", "E2"], ["open file <*> ok", "open file <*> ok", "disk full on sda"], corrected: "loghub2.0_2k");
        WriteSystem("Beta", _ => "[warn] ", ["user 7 logged in", "user 8 logged in"],
            ["E1", "E1"], ["user <*> logged in", "user <*> logged in"], corrected: null);
    }

    [Fact]
    public async Task JsonHasTheDrainReferenceShape()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "templates", _root, "--json", "--passes", "1"], new CliConsole(output, error, false), TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        using var json = JsonDocument.Parse(output.ToString());
        var root = json.RootElement;
        Assert.Equal(["systems", "mean", "linesPerSecond"], root.EnumerateObject().Select(p => p.Name));
        var systems = root.GetProperty("systems").EnumerateArray().ToArray();
        Assert.Equal(2, systems.Length);
        Assert.Equal(["system", "lines", "ga", "fga", "pa", "fta"], systems[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("Alpha", systems[0].GetProperty("system").GetString());
        Assert.Equal(3, systems[0].GetProperty("lines").GetInt32());
        Assert.Equal(1.0, systems[0].GetProperty("ga").GetDouble());
        // Alpha is scored on its corrected templates; Beta has none, so on its original ones, written differently.
        Assert.Equal(1.0, systems[0].GetProperty("pa").GetDouble());
        Assert.Equal(0.0, systems[1].GetProperty("pa").GetDouble());
        Assert.Equal(["ga", "fga", "pa", "fta"], root.GetProperty("mean").EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("linesPerSecond").GetInt64() > 0);
    }

    [Fact]
    public async Task TableNamesEverySystemAndTheMean()
    {
        var output = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "templates", _root, "--passes", "1"], new CliConsole(output, new StringWriter(), false), TestContext.Current.CancellationToken);

        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("Alpha", text, StringComparison.Ordinal);
        Assert.Contains("Beta", text, StringComparison.Ordinal);
        Assert.Contains("mean", text, StringComparison.Ordinal);
        Assert.Contains("lines per CPU second", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFolderIsAUsageError()
    {
        var error = new StringWriter();

        var code = await CliApp.RunAsync(["bench", "templates", Path.Combine(_root, "nope")], new CliConsole(new StringWriter(), error, false), TestContext.Current.CancellationToken);

        Assert.Equal((int)ExitCode.UsageError, code);
        Assert.Contains("does not exist", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteSystem(string name, Func<int, string> header, string[] contents, string[] ids, string[] templates, string? corrected)
    {
        var folder = Path.Combine(_root, name);
        Directory.CreateDirectory(folder);
        File.WriteAllLines(Path.Combine(folder, $"{name}_2k.log"), contents.Select((c, i) => header(i) + c));
        var original = new List<string> { "LineId,Content,EventId,EventTemplate" };
        original.AddRange(contents.Select((c, i) => $"{i + 1},\"{c}\",{ids[i]},\"{templates[i].Replace("<*>", "x", StringComparison.Ordinal)}\""));
        File.WriteAllLines(Path.Combine(folder, $"{name}_2k.log_structured.csv"), original);
        if (corrected is not null)
        {
            Directory.CreateDirectory(Path.Combine(folder, corrected));
            var rows = new List<string> { "LineId,Content,EventId,EventTemplate" };
            rows.AddRange(contents.Select((c, i) => $"{i + 1},\"{c}\",{ids[i]},\"{templates[i]}\""));
            File.WriteAllLines(Path.Combine(folder, corrected, $"{name}_2k.log_structured_corrected.csv"), rows);
        }
    }
}
