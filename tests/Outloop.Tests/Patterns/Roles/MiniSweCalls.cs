using System.Text.Json;
using Outloop.Patterns;
using Outloop.Reporting.Pricing;

namespace Outloop.Tests.Patterns.Roles;

/// <summary>Builds one task of mini-swe-agent bash calls (command, return code, output) and analyses it as the engine does.</summary>
internal sealed class MiniSweCalls
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly List<StoredCall> _calls = [];

    public MiniSweCalls Run(string command, int returnCode = 0, string output = "")
    {
        var at = Start.AddMinutes(_calls.Count).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var text = $"<returncode>{returnCode}</returncode>\n<output>\n{output}</output>";
        var ok = returnCode == 0;
        _calls.Add(new StoredCall(
            $"c{_calls.Count:D3}", "s", "t", "mini-swe-agent", "bash", at, at, JsonSerializer.Serialize(new { command }),
            ok ? text : null, ok ? null : text, ok, text.Length, null, false, null));
        return this;
    }

    /// <summary>The calls classified, priced and given their roles.</summary>
    public List<AnalyzedCall> Analyze() => CallRoles.AssignTask(OperationCosting.Analyze(_calls, [], new PriceTable(new Dictionary<string, ModelPrice>())));
}
