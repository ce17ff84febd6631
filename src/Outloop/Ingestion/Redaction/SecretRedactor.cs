using System.Buffers;
using System.Text.RegularExpressions;

namespace Outloop.Ingestion.Redaction;

/// <summary>
/// Replaces secrets (API keys, tokens, private keys, passwords in URLs and assignments) with
/// <c>[REDACTED:kind]</c> before any text is stored. Text without a secret costs one vectorised scan for the
/// trigger substrings; a rule's pattern runs only when one of its triggers is present. Only the secret itself is
/// replaced, never a quote or a backslash, so a redacted JSON text stays valid JSON. Redacting twice equals once.
/// </summary>
internal static partial class SecretRedactor
{
    // Matches start after a character that cannot be part of a token, or after a JSON escape such as \n.
    private const string Start = @"(?:(?<![A-Za-z0-9_])|(?<=\\[nrt]))";

    private const string AssignedValue =
        """
        (?:\\?"(?<v>(?:[^"\\\r\n]|\\[^"\r\n]){1,512})(?=\\?")|'(?<v>[^'\\\r\n]{1,512})'|(?<v>(?>[^\s"'`\\,;&|(){}\[\]<>]{1,512}))(?!\())
        """;

    private static readonly RedactionRule[] Rules =
    [
        new(["private key"], PrivateKey(), _ => "private-key"),
        new(["://"], UrlPassword(), m => IsPlaceholder(m.Groups["v"].ValueSpan) ? null : "url-password"),
        new(["sk-ant-"], Anthropic(), _ => "anthropic"),
        new(["sk-"], OpenAi(), m => HasDigitAndLetter(m.ValueSpan[3..]) ? "openai" : null),
        new(["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"], GitHub(), _ => "github"),
        new(["akia", "asia", "abia", "acca"], AwsAccessKey(), _ => "aws"),
        new(["secret_access_key", "secretaccesskey", "secret-access-key"], AwsSecretKey(), _ => "aws"),
        new(["xoxa-", "xoxb-", "xoxo-", "xoxp-", "xoxr-", "xoxs-", "xapp-", "hooks.slack.com"], Slack(), _ => "slack"),
        new(["aiza"], Google(), _ => "google"),
        new(["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"], Stripe(), _ => "stripe"),
        new([".eyj"], Jwt(), _ => "jwt"),
        new(["bearer"], Bearer(), ClassifyBearer),
        new(["authorization"], BasicAuth(), _ => "basic-auth"),
        new(
            [
                "password", "passwd", "passphrase", "secret", "api_key", "api-key", "apikey", "access_key", "access-key",
                "accesskey", "private_key", "private-key", "privatekey", "auth_key", "authkey",
                "token\"", "token'", "token\\", "token=", "token:", "token =", "token :",
            ],
            Assignment(),
            ClassifyAssignment),
        new(["-password", "-passwd", "-token", "-secret", "-api-key", "-api_key", "-apikey"], CommandLineFlag(), ClassifyFlag),
    ];

    private static readonly (string Trigger, int Rule)[] TriggerTable =
        [.. Rules.SelectMany((rule, index) => rule.Triggers.Select(trigger => (trigger, index)))];

    private static readonly SearchValues<string> Triggers =
        SearchValues.Create(TriggerTable.Select(t => t.Trigger).Distinct().ToArray(), StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> MaskCharacters = SearchValues.Create("*xX.-_ #\u2022");

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "none", "nil", "true", "false", "undefined", "string", "str", "number", "int", "bool", "boolean", "any",
        "required", "optional", "bytes", "object", "empty", "secret", "password", "token", "redacted",
    };

    /// <summary>Returns <paramref name="text"/> with every secret replaced, or the same instance when it holds none.</summary>
    public static string Redact(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var rules = TriggeredRules(text);
        if (rules == 0)
        {
            return text;
        }

        var result = text;
        for (var i = 0; i < Rules.Length; i++)
        {
            if ((rules & (1u << i)) != 0)
            {
                result = Apply(Rules[i], result);
            }
        }

        return result;
    }

    /// <summary>True when <paramref name="text"/> contains a substring that could start a secret (the cheap pre-check).</summary>
    public static bool MayContainSecret(ReadOnlySpan<char> text) => text.IndexOfAny(Triggers) >= 0;

    private static uint TriggeredRules(ReadOnlySpan<char> text)
    {
        var all = (1u << Rules.Length) - 1;
        uint rules = 0;
        var position = text.IndexOfAny(Triggers);
        while (position >= 0)
        {
            var rest = text[position..];
            foreach (var (trigger, rule) in TriggerTable)
            {
                if (rest.StartsWith(trigger, StringComparison.OrdinalIgnoreCase))
                {
                    rules |= 1u << rule;
                }
            }

            if (rules == all)
            {
                break;
            }

            var next = text[(position + 1)..].IndexOfAny(Triggers);
            position = next < 0 ? -1 : position + 1 + next;
        }

        return rules;
    }

    private static string Apply(RedactionRule rule, string text) => rule.Pattern.Replace(text, match =>
    {
        var kind = rule.Classify(match);
        if (kind is null)
        {
            return match.Value;
        }

        var secret = match.Groups["v"];
        if (!secret.Success)
        {
            return $"[REDACTED:{kind}]";
        }

        var value = match.ValueSpan;
        var start = secret.Index - match.Index;
        return string.Concat(value[..start], $"[REDACTED:{kind}]", value[(start + secret.Length)..]);
    });

    private static string? ClassifyBearer(Match match)
    {
        var value = match.Groups["v"].ValueSpan;
        return value.Length >= 16 || value.IndexOfAnyInRange('0', '9') >= 0 ? "bearer" : null;
    }

    private static string? ClassifyFlag(Match match) =>
        match.Groups["v"].ValueSpan.StartsWith("-") ? null : ClassifyAssignment(match);

    private static string? ClassifyAssignment(Match match)
    {
        var key = match.Groups["key"].Value;
        var value = match.Groups["v"].ValueSpan;
        if (IsPlaceholder(value) || value.Equals(key, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var start = match.Groups["v"].Index - match.Index;
        var quoted = start > 0 && match.ValueSpan[start - 1] is '"' or '\'';
        if (!quoted && LooksLikeCode(value, match.Groups["sep"].ValueSpan))
        {
            return null;
        }

        var kind = AssignmentKind(key);
        if (kind == "password")
        {
            return value.Length >= 3 ? kind : null;
        }

        var hasDigit = value.IndexOfAnyInRange('0', '9') >= 0;
        if (value.Length < 8 || !value.ContainsAnyExceptInRange('0', '9'))
        {
            return null;
        }

        var mixedCase = value.IndexOfAnyInRange('a', 'z') >= 0 && value.IndexOfAnyInRange('A', 'Z') >= 0;
        return hasDigit || mixedCase || value.Length >= 16 ? kind : null;
    }

    private static string AssignmentKind(string key)
    {
        if (key.Contains("pass", StringComparison.OrdinalIgnoreCase))
        {
            return "password";
        }

        if (key.EndsWith("token", StringComparison.OrdinalIgnoreCase))
        {
            return "token";
        }

        return key.EndsWith("secret", StringComparison.OrdinalIgnoreCase)
            || key.StartsWith("secret", StringComparison.OrdinalIgnoreCase)
            ? "secret"
            : "api-key";
    }

    /// <summary>A variable reference, a mask or a type name rather than a secret.</summary>
    private static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.StartsWith("[REDACTED", StringComparison.Ordinal) || value[0] is '$' or '%' or '{' or '<')
        {
            return true;
        }

        if (!value.ContainsAnyExcept(MaskCharacters))
        {
            return true;
        }

        return Placeholders.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value);
    }

    /// <summary>An unquoted identifier: a dotted path (<c>self.token</c>), or a variable on the right of <c> = </c>.</summary>
    private static bool LooksLikeCode(ReadOnlySpan<char> value, ReadOnlySpan<char> separator)
    {
        if (!IsIdentifierPath(value, out var dotted))
        {
            return false;
        }

        return dotted || (separator.Contains('=') && (separator.Contains(' ') || separator.Contains('\t')));
    }

    private static bool IsIdentifierPath(ReadOnlySpan<char> value, out bool dotted)
    {
        dotted = false;
        var atStart = true;
        foreach (var c in value)
        {
            if (c == '.')
            {
                if (atStart)
                {
                    return false;
                }

                dotted = true;
                atStart = true;
            }
            else if (char.IsAsciiLetter(c) || c == '_' || (!atStart && char.IsAsciiDigit(c)))
            {
                atStart = false;
            }
            else
            {
                return false;
            }
        }

        return !atStart;
    }

    private static bool HasDigitAndLetter(ReadOnlySpan<char> value) =>
        value.IndexOfAnyInRange('0', '9') >= 0 && (value.IndexOfAnyInRange('a', 'z') >= 0 || value.IndexOfAnyInRange('A', 'Z') >= 0);

    [GeneratedRegex(
        """
        -----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----(?:[^"]{0,20000}?-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----|(?:[A-Za-z0-9+/=:, \t\r\n-]|\\[nrt])*)
        """)]
    private static partial Regex PrivateKey();

    [GeneratedRegex("""(?<=[A-Za-z0-9])://[^\s/:@"'\\<>]{0,128}:(?<v>[^\s/@"'\\<>\[\]]{1,256})@(?!sha256:|sha512:)""")]
    private static partial Regex UrlPassword();

    [GeneratedRegex(Start + "sk-ant-[A-Za-z0-9_-]{20,}")]
    private static partial Regex Anthropic();

    [GeneratedRegex(Start + "sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex OpenAi();

    [GeneratedRegex(Start + "(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])")]
    private static partial Regex GitHub();

    [GeneratedRegex(Start + "(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex("""(?i:secret[_-]?access[_-]?key)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])""")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex(Start + "(?:xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,})|hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<v>[A-Za-z0-9/_-]{8,})")]
    private static partial Regex Slack();

    [GeneratedRegex(Start + "AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")]
    private static partial Regex Google();

    [GeneratedRegex(Start + "(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,})")]
    private static partial Regex Stripe();

    [GeneratedRegex(Start + @"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex("(?<![A-Za-z0-9])(?i:bearer)[ \t]+(?<v>[A-Za-z0-9._~+/-]{8,}=*)")]
    private static partial Regex Bearer();

    [GeneratedRegex("""(?i:authorization)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?[ \t]*(?i:basic)[ \t]+(?<v>[A-Za-z0-9+/]{8,}={0,2})""")]
    private static partial Regex BasicAuth();

    [GeneratedRegex(
        """(?<key>(?i:client[_-]?secret|secret[_-]?key|secret|passphrase|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|token))(?![A-Za-z0-9_-])(?<sep>(?:\\?["'])?[ \t]*(?::=|=>|[:=])[ \t]*)"""
        + AssignedValue)]
    private static partial Regex Assignment();

    [GeneratedRegex(
        """(?<![A-Za-z0-9_-])--?(?:[A-Za-z0-9]+-)*(?<key>(?i:password|passwd|token|secret|api[_-]?key|apikey))(?<sep>[ \t]+)"""
        + AssignedValue)]
    private static partial Regex CommandLineFlag();
}
