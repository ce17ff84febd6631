using System.Text;
using System.Text.Json;
using Outloop.Ingestion.Codex;

namespace Outloop.Tests.Ingestion.Codex;

public sealed class CodexLineTests
{
    [Theory]
    [InlineData("{\"timestamp\":\"2026-03-02T10:00:01.500Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":null}}")]
    [InlineData("{ \"timestamp\": \"2026-03-02T10:00:01.500Z\", \"type\": \"event_msg\", \"payload\": { \"type\": \"token_count\", \"info\": null } }")]
    [InlineData("{\"payload\":{\"info\":null,\"type\":\"token_count\"},\"type\":\"event_msg\",\"timestamp\":\"2026-03-02T11:00:01.500+01:00\"}")]
    public void AUsedLineKeepsItsPayloadHoweverItsEnvelopeIsWritten(string json)
    {
        using var line = Parse(json);

        Assert.Equal(CodexLineKind.Item, line.Kind);
        Assert.Equal("event_msg", line.Type);
        Assert.True(line.HasPayload);
        Assert.Equal("token_count", line.Payload.GetProperty("type").GetString());
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 1, 500, TimeSpan.Zero), line.Time);
        Assert.Equal(TimeSpan.Zero, line.Time!.Value.Offset);
    }

    [Fact]
    public void AnIgnoredLineKeepsOnlyItsTime()
    {
        using var line = Parse("{\"timestamp\":\"2026-03-02T10:00:01\",\"type\":\"response_item\",\"payload\":{\"type\":\"reasoning\",\"summary\":[]}}");

        Assert.False(line.HasPayload);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 10, 0, 1, TimeSpan.Zero), line.Time);
    }

    [Theory]
    [InlineData("{\"timestamp\":\"2026-03-02T10:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"reasoning\",\"summary\":[}}")]
    [InlineData("{\"timestamp\":\"2026-03-02T10:00:01Z\",\"type\":\"response_item\",\"payload\":{\"type\":\"reasoning\"}} trailing")]
    [InlineData("{\"timestamp\":\"2026-03-02T10:00:01Z\",\"type\":\"event_msg\",\"payload\":{\"type\":\"token_count\",\"info\":}")]
    public void AnIgnoredOrUsedLineThatIsNotValidJsonIsRejected(string json) =>
        Assert.ThrowsAny<JsonException>(() => Parse(json).Dispose());

    [Theory]
    [InlineData("[1,2]", "NotObject")]
    [InlineData("{\"record_type\":\"state\"}", "Marker")]
    [InlineData("{\"foo\":1}", "Unknown")]
    public void LinesThatAreNotItemsAreTold(string json, string kind)
    {
        using var line = Parse(json);

        Assert.Equal(kind, line.Kind.ToString());
    }

    private static CodexLine Parse(string json) => CodexLine.Parse(Encoding.UTF8.GetBytes(json));
}
