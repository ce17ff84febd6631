using System.Text;
using Outloop.Review;

namespace Outloop.Tests.Review;

/// <summary>A review console that answers from a script (one entry per key or line) and records what was written.</summary>
internal sealed class ScriptedReviewConsole(params string[] inputs) : IReviewConsole
{
    private readonly Queue<string> _inputs = new(inputs);
    private readonly StringBuilder _output = new();

    public string Output => _output.ToString();

    public char? ReadKey() => _inputs.TryDequeue(out var key) ? key[0] : null;

    public string? ReadLine() => _inputs.TryDequeue(out var line) ? line : null;

    public void Write(string text) => _output.Append(text);
}
