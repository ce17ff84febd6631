using Outloop.Configuration;
using Outloop.Tests.Support;

namespace Outloop.Tests.Configuration;

public sealed class WebhookConfigTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void WebhooksAreReadWithDefaultsAndTheirFileAndLine()
    {
        var file = _folder.Write("project/.outloop/config.yaml", """
            webhooks:
              - url: ${SLACK_WEBHOOK_URL}
                format: slack
                events: [digest]
              - url: https://ci.example.com/outloop
                headers:
                  Authorization: Bearer ${CI_TOKEN}
                  X-Key: literal-key
                secret: plain-secret
            """);

        var hooks = ConfigLoader.Load(_folder.File("project"), _folder.File("user/config.yaml")).Webhooks();

        Assert.Equal(2, hooks.Count);
        Assert.Equal(("${SLACK_WEBHOOK_URL}", "slack", "digest", $"{file}:2"), (hooks[0].Url, hooks[0].Format, string.Join(',', hooks[0].Events), hooks[0].Source));
        Assert.Equal("generic", hooks[1].Format);
        Assert.Equal(["digest", "escalation", "task_complete"], hooks[1].Events);
        Assert.Equal("Bearer ${CI_TOKEN}", hooks[1].Headers["authorization"]);
        Assert.Equal(
            "generic https://ci.example.com/outloop [digest, escalation, task_complete] headers: Authorization=Bearer ${CI_TOKEN}, X-Key=(hidden) secret: (hidden)",
            hooks[1].Describe());
        Assert.Empty(ConfigLoader.Load(null, _folder.File("user/config.yaml")).Webhooks());
    }

    [Theory]
    [InlineData("webhooks:\n  - url: http://x\n    events: [digest, deploy]\n", ":3: 'webhooks[0].events': unknown event 'deploy'")]
    [InlineData("webhooks:\n  - url: http://x\n    format: teams\n", ":3: 'webhooks[0].format' must be slack or generic, 'teams' is not.")]
    [InlineData("webhooks:\n  - events: [digest]\n", ":2: 'webhooks[0]' needs a url.")]
    [InlineData("webhooks:\n  - url: http://x\n    retries: 3\n", ":3: unknown field 'webhooks[0].retries'")]
    [InlineData("webhooks: http://x\n", ":1: 'webhooks' must be a list of webhooks")]
    public void AWrongWebhookNamesTheKeyTheFileAndTheLine(string yaml, string expected)
    {
        var file = _folder.Write("project/.outloop/config.yaml", yaml);

        var error = Assert.Throws<OutloopException>(() => ConfigLoader.Load(_folder.File("project"), _folder.File("user/config.yaml")));

        Assert.StartsWith(file + expected, error.Message, StringComparison.Ordinal);
    }
}
