using System.Text.Json;
using Outloop.Ingestion.Redaction;

namespace Outloop.Tests.Ingestion.Redaction;

public sealed class SecretRedactorTests
{
    // Built from pieces so that this file itself does not look like it holds live secrets.
    private static readonly string GitHubToken = "ghp_" + "R8bq2XcZpL0mN4vT7wY1aB3dE5fG6hJ9kQ2s";
    private static readonly string GitHubPat = "github_pat_" + "11ABCDEFG0abcdefghijkl_MNOPQRSTUVWXYZ0123456789abcdefghij";
    private static readonly string AwsKeyId = "AKIA" + "IOSFODNN7EXAMPLE";
    private static readonly string AwsSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    private static readonly string SlackBot = "xoxb-" + "1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
    private static readonly string SlackHookPath = "T00000000/B00000000/" + "XXXXXXXXXXXXXXXXXXXXXXXX";
    private static readonly string AnthropicKey = "sk-ant-api03-" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0EdCbA_-zyxwvu";
    private static readonly string OpenAiKey = "sk-proj-" + "Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90";
    private static readonly string GoogleKey = "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q";
    private static readonly string StripeKey = "sk_live_" + "51HxYzAbCdEfGhIjKlMnOpQr";
    private static readonly string Jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
    private static readonly string PrivateKeyBlock =
        "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\naNFwVZ8HD3sZ\n-----END RSA PRIVATE KEY-----";

    public static TheoryData<string, string, string> PlantedSecrets => new()
    {
        { "github", GitHubToken, $"export GITHUB_TOKEN={GitHubToken}" },
        { "github", GitHubPat, $"git clone https://x-access-token@github.com/a/b # {GitHubPat}" },
        { "aws", AwsKeyId, $"aws_access_key_id = {AwsKeyId}" },
        { "aws", AwsSecret, $"aws_secret_access_key = {AwsSecret}" },
        { "slack", SlackBot, $"SLACK_BOT={SlackBot} run" },
        { "slack", SlackHookPath, $"curl -X POST https://hooks.slack.com/services/{SlackHookPath} -d @msg.json" },
        { "anthropic", AnthropicKey, $"ANTHROPIC_API_KEY={AnthropicKey}" },
        { "openai", OpenAiKey, $"client = OpenAI(api_key=\"{OpenAiKey}\")" },
        { "google", GoogleKey, $"https://maps.googleapis.com/maps/api/js?key={GoogleKey}" },
        { "stripe", StripeKey, $"Stripe.api_key = '{StripeKey}'" },
        { "jwt", Jwt, $"cookie: session={Jwt}; path=/" },
        { "bearer", "d41d8cd98f00b204e9800998ecf8427e", "curl -H 'Authorization: Bearer d41d8cd98f00b204e9800998ecf8427e' https://api.example.com" },
        { "private-key", "MIIEowIBAAKCAQEA0Z3VS5JJcds3xfn", $"key file:\n{PrivateKeyBlock}\nend" },
        { "url-password", "s3cr3tPw", "DATABASE_URL=postgres://app:s3cr3tPw@db.internal:5432/app" },
        { "password", "hunter22", "DB_PASSWORD=hunter22" },
        { "password", "correct horse battery", "password: \"correct horse battery\"" },
        { "api-key", "q8Zk3Lm9Xw", "MY_SERVICE_API_KEY=q8Zk3Lm9Xw" },
        { "secret", "c0ffee-1234-secret-value", "client_secret: c0ffee-1234-secret-value" },
        { "token", "tok_8f9a7b6c5d4e", "--token tok_8f9a7b6c5d4e --verbose" },
        { "token", "abc123def456ghi", "https://example.com/callback?state=1&access_token=abc123def456ghi&x=2" },
    };

    [Theory]
    [MemberData(nameof(PlantedSecrets))]
    public void PlantedSecretInPlainTextIsReplacedByItsKind(string kind, string secret, string text)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains($"[REDACTED:{kind}]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlantedSecrets))]
    public void PlantedSecretInsideJsonIsReplacedAndTheJsonStaysValid(string kind, string secret, string text)
    {
        var json = JsonSerializer.Serialize(new { tool_input = new { command = text, nested = JsonSerializer.Serialize(new { text }) } });

        var redacted = SecretRedactor.Redact(json);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains($"[REDACTED:{kind}]", redacted, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(redacted);
        var command = document.RootElement.GetProperty("tool_input").GetProperty("command").GetString()!;
        Assert.Contains($"[REDACTED:{kind}]", command, StringComparison.Ordinal);
        using var nested = JsonDocument.Parse(document.RootElement.GetProperty("tool_input").GetProperty("nested").GetString()!);
        Assert.DoesNotContain(secret, nested.RootElement.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PlantedSecrets))]
    public void RedactingTwiceEqualsRedactingOnce(string kind, string secret, string text)
    {
        _ = kind;
        _ = secret;
        var once = SecretRedactor.Redact(text);

        Assert.Equal(once, SecretRedactor.Redact(once));
    }

    [Theory]
    [InlineData("\"password\": \"hunter22\"", "\"password\": \"[REDACTED:password]\"")]
    [InlineData("{\"api_key\":\"zz9AbCdEfGh\",\"n\":1}", "{\"api_key\":\"[REDACTED:api-key]\",\"n\":1}")]
    [InlineData("token: Zx81kQ0pLmN2", "token: [REDACTED:token]")]
    [InlineData("redis://:pa55word@cache:6379/0", "redis://:[REDACTED:url-password]@cache:6379/0")]
    [InlineData("https://user:pw1234@example.com/x", "https://user:[REDACTED:url-password]@example.com/x")]
    [InlineData("Authorization: Bearer abcdef0123456789", "Authorization: Bearer [REDACTED:bearer]")]
    [InlineData("Authorization: Basic dXNlcjpwYXNzd29yZA==", "Authorization: Basic [REDACTED:basic-auth]")]
    public void OnlyTheSecretIsReplacedAndItsContextIsKept(string text, string expected) =>
        Assert.Equal(expected, SecretRedactor.Redact(text));

    [Fact]
    public void SecretAfterAJsonNewlineEscapeIsFound()
    {
        var json = "{\"content\":\"line one\\n" + GitHubToken + "\\nline three\"}";

        var redacted = SecretRedactor.Redact(json);

        Assert.Equal("{\"content\":\"line one\\n[REDACTED:github]\\nline three\"}", redacted);
    }

    [Fact]
    public void PrivateKeyInsideAJsonStringKeepsTheJsonValid()
    {
        var json = JsonSerializer.Serialize(new { content = PrivateKeyBlock, after = "x" });

        var redacted = SecretRedactor.Redact(json);

        using var document = JsonDocument.Parse(redacted);
        Assert.Equal("[REDACTED:private-key]", document.RootElement.GetProperty("content").GetString());
        Assert.Equal("x", document.RootElement.GetProperty("after").GetString());
    }

    [Theory]
    [InlineData("commit 3f1c2a9b8e7d6c5b4a39281706f5e4d3c2b1a098 fixes it")]
    [InlineData("session 6c2214d7-8a4e-4b7e-9f1a-2b3c4d5e6f70 started")]
    [InlineData("/home/marco/projects/spotter/lib/spotter_web/token_controller.ex")]
    [InlineData("\"usage\":{\"input_tokens\":1234,\"cache_read_input_tokens\":99,\"output_tokens\":7}")]
    [InlineData("{\"max_tokens\": 4096, \"token_type\": \"bearer\", \"tokens\": 12}")]
    [InlineData("const token = await fetchToken(user);")]
    [InlineData("token = self.session.token")]
    [InlineData("password = os.environ[\"DB_PASSWORD\"]")]
    [InlineData("export GITHUB_TOKEN=$GH_TOKEN")]
    [InlineData("password: ${DB_PASSWORD}")]
    [InlineData("interface Login { password: string; token?: string }")]
    [InlineData("if token == expected: return")]
    [InlineData("curl -H \"Authorization: Bearer $TOKEN\" https://example.com")]
    [InlineData("See https://docs.example.com/a/b?x=1 and ssh://git@github.com:22/o/r.git")]
    [InlineData("docker://ubuntu:22.04@sha256:0a1b2c3d4e5f")]
    [InlineData("The task-notification has a disk-usage-report-for-the-week field")]
    [InlineData("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")]
    [InlineData("secretName: my-app-secrets")]
    [InlineData("password=\"\"")]
    [InlineData("api_key: \"<your-api-key>\"")]
    [InlineData("token: ********")]
    public void OrdinaryTextIsLeftAlone(string text) =>
        Assert.Same(text, SecretRedactor.Redact(text));

    [Fact]
    public void TextWithoutATriggerIsReturnedAsTheSameInstance()
    {
        var text = new string('a', 10_000) + " plain words, paths /usr/lib and numbers 12345";

        Assert.Same(text, SecretRedactor.Redact(text));
        Assert.False(SecretRedactor.MayContainSecret(text));
    }

    [Fact]
    public void EveryKindInOneTextIsRedacted()
    {
        var secrets = PlantedSecrets.Select(row => row.Data.Item2).ToList();
        var text = string.Join("\n", PlantedSecrets.Select(row => row.Data.Item3));

        var redacted = SecretRedactor.Redact(text);

        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        }
    }
}
