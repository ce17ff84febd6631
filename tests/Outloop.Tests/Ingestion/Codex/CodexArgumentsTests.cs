using System.Text.Json;
using Outloop.Ingestion.Codex;

namespace Outloop.Tests.Ingestion.Codex;

public sealed class CodexArgumentsTests
{
    [Theory]
    [InlineData("{\"command\":[\"pytest\",\"-q\"]}")]
    [InlineData(" [1, {\"a\": null}] \n")]
    [InlineData("\"text\"")]
    [InlineData("-1.5e3")]
    [InlineData("true")]
    [InlineData("[]")]
    [InlineData("{ }")]
    [InlineData("[REDACTED_ARGUMENTS len=456 sha=df6be51a]")]
    [InlineData("{\"a\":1} trailing")]
    [InlineData("{\"a\":")]
    [InlineData("plain words")]
    [InlineData("")]
    [InlineData("[1,]")]
    [InlineData("{\"a\":1}{\"b\":2}")]
    public void ArgumentsAreJsonExactlyWhenAJsonDocumentWouldParseThem(string text)
    {
        bool parses;
        try
        {
            using var document = JsonDocument.Parse(text);
            parses = true;
        }
        catch (JsonException)
        {
            parses = false;
        }

        Assert.Equal(parses, CodexRollout.IsJson(text.AsSpan().Trim(" \t\r\n")));
    }
}
