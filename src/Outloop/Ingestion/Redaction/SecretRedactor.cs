using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
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
    private const string AssignedValue =
        """
        (?:\\?"(?<v>(?:[^"\\\r\n]|\\[^"\r\n]){1,512})(?=\\?")|'(?<v>[^'\\\r\n]{1,512})'|\\{1,2}u00(?:22|27)(?<v>[^"'\\\r\n]{1,512})\\{1,2}u00(?:22|27)|(?<v>(?>[^\s"'`\\,;&|(){}\[\]<>]{1,512}))(?!\())
        """;

    // Two trigger sets, because one set mixing case-sensitive prefixes and case-insensitive words overloads the
    // vectorised search's buckets (measured: 0.2 GB/s as one set, over 2.5 GB/s as these two passes). Triggers are
    // chosen so that their first three characters are rare in ordinary text.
    private static readonly string[] AssignmentTriggers =
        ["passw", "passphrase", "ecret", "api_key", "api-key", "apikey", "access_key", "accesskey", "private_key",
         "token\"", "token'", "token=", "token:", "token\\", "token "];

    private static readonly RedactionRule[] Rules =
    [
        new(["PRIVATE KEY"], StringComparison.Ordinal, PrivateKey(), (_, _) => "private-key"),
        new(["://"], StringComparison.Ordinal, UrlPassword(), (_, m) => IsPlaceholder(m.Groups["v"].ValueSpan) ? null : "url-password"),
        new(["sk-"], StringComparison.Ordinal, Anthropic(), Token("anthropic")),
        new(["sk-"], StringComparison.Ordinal, OpenAi(), (text, m) => HasDigitAndLetter(m.ValueSpan[3..]) ? Token("openai")(text, m) : null),
        new(["ghp_", "gho_", "ghu_", "ghs_", "ghr_", "_pat_"], StringComparison.Ordinal, GitHub(), Token("github")),
        new(["AKIA", "ASIA"], StringComparison.Ordinal, AwsAccessKey(), Token("aws")),
        new(["ecret"], StringComparison.OrdinalIgnoreCase, AwsSecretKey(), (_, _) => "aws"),
        new(["xox", "xapp-"], StringComparison.Ordinal, SlackToken(), Token("slack")),
        new(["hooks.slack.com"], StringComparison.Ordinal, SlackWebhook(), (_, _) => "slack"),
        new(["AIza"], StringComparison.Ordinal, Google(), Token("google")),
        new(["k_live_", "k_test_", "whsec_"], StringComparison.Ordinal, Stripe(), Token("stripe")),
        new([".eyJ"], StringComparison.Ordinal, Jwt(), Token("jwt")),
        new(["bearer"], StringComparison.OrdinalIgnoreCase, Bearer(), ClassifyBearer),
        new(["authorization"], StringComparison.OrdinalIgnoreCase, BasicAuth(), (_, _) => "basic-auth"),
        new(AssignmentTriggers, StringComparison.OrdinalIgnoreCase, Assignment(), ClassifyAssignment),
        new(AssignmentTriggers, StringComparison.OrdinalIgnoreCase, CommandLineFlag(), ClassifyFlag),
    ];

    private static readonly TriggerSet CaseSensitiveTriggers = new(Rules, StringComparison.Ordinal);

    private static readonly TriggerSet CaseInsensitiveTriggers = new(Rules, StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> MaskCharacters = SearchValues.Create("*xX.-_ #\u2022");

    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "null", "none", "nil", "true", "false", "undefined", "string", "str", "number", "int", "bool", "boolean", "any",
        "required", "optional", "bytes", "object", "empty", "secret", "password", "token", "redacted",
    };

    /// <summary>Returns <paramref name="text"/> with every secret replaced, or the same instance when it holds none.</summary>
    // Per line or per row: optimised at its first call (see CodexRollout.Apply).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    public static bool MayContainSecret(ReadOnlySpan<char> text) =>
        CaseSensitiveTriggers.IsFoundIn(text) || CaseInsensitiveTriggers.IsFoundIn(text);

    private static uint TriggeredRules(ReadOnlySpan<char> text) =>
        CaseSensitiveTriggers.RulesFoundIn(text) | CaseInsensitiveTriggers.RulesFoundIn(text);

    /// <summary>Replaces the rule's secrets; returns the same instance when every match turned out not to be one.</summary>
    private static string Apply(RedactionRule rule, string text)
    {
        StringBuilder? builder = null;
        var copied = 0;
        for (var match = rule.Pattern.Match(text); match.Success; match = match.NextMatch())
        {
            var kind = rule.Classify(text, match);
            if (kind is null)
            {
                continue;
            }

            var secret = match.Groups["v"];
            var (start, length) = secret.Success ? (secret.Index, secret.Length) : (match.Index, match.Length);
            builder ??= new StringBuilder(text.Length);
            builder.Append(text, copied, start - copied).Append("[REDACTED:").Append(kind).Append(']');
            copied = start + length;
        }

        return builder is null ? text : builder.Append(text, copied, text.Length - copied).ToString();
    }

    /// <summary>A token pattern counts only where a token can start: not inside a longer word or identifier.</summary>
    private static Func<string, Match, string?> Token(string kind) => (text, match) => StartsToken(text, match.Index) ? kind : null;

    private static bool StartsToken(string text, int index)
    {
        if (index == 0 || !(char.IsAsciiLetterOrDigit(text[index - 1]) || text[index - 1] == '_'))
        {
            return true;
        }

        // After a JSON escape: "\nghp_..." or "\u0027sk-...".
        var before = text.AsSpan(0, index);
        return (before.Length >= 2 && before[^2] == '\\' && before[^1] is 'n' or 'r' or 't')
            || (before.Length >= 6 && before[^6] == '\\' && before[^5] == 'u' && char.IsAsciiHexDigit(before[^1]) && char.IsAsciiHexDigit(before[^2]));
    }

    private static string? ClassifyBearer(string text, Match match)
    {
        var value = match.Groups["v"].ValueSpan;
        return value.Length >= 16 || value.IndexOfAnyInRange('0', '9') >= 0 ? "bearer" : null;
    }

    private static string? ClassifyFlag(string text, Match match) =>
        match.Groups["v"].ValueSpan.StartsWith("-") ? null : ClassifyAssignment(text, match);

    private static string? ClassifyAssignment(string text, Match match)
    {
        var key = match.Groups["key"].Value;
        var value = match.Groups["v"].ValueSpan;
        if (IsPlaceholder(value) || value.Equals(key, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var start = match.Groups["v"].Index - match.Index;
        var before = match.ValueSpan[..start];
        var quoted = before.EndsWith("\"") || before.EndsWith("'") || before.EndsWith("\\u0022") || before.EndsWith("\\u0027");
        if (!quoted && LooksLikeCode(value, match.Groups["sep"].ValueSpan))
        {
            return null;
        }

        var kind = AssignmentKind(key);
        if (kind == "password")
        {
            return value.Length >= 3 ? kind : null;
        }

        // A token, key or secret is random: without a digit, an unquoted word is an identifier in code
        // (`params: { _csrf_token: csrfToken }`), and a quoted one must at least look random.
        var hasDigit = value.IndexOfAnyInRange('0', '9') >= 0;
        if (value.Length < 8 || !value.ContainsAnyExceptInRange('0', '9') || (!quoted && !hasDigit))
        {
            return null;
        }

        var mixedCase = value.IndexOfAnyInRange('a', 'z') >= 0 && value.IndexOfAnyInRange('A', 'Z') >= 0;
        return hasDigit || mixedCase || value.Length >= 16 ? kind : null;
    }

    private static string AssignmentKind(string key) =>
        key.Contains("pass", StringComparison.OrdinalIgnoreCase) ? "password"
        : key.Contains("token", StringComparison.OrdinalIgnoreCase) ? "token"
        : key.Contains("secret", StringComparison.OrdinalIgnoreCase) ? "secret"
        : "api-key";

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

    [GeneratedRegex("sk-ant-[A-Za-z0-9_-]{20,}")]
    private static partial Regex Anthropic();

    [GeneratedRegex("sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}")]
    private static partial Regex OpenAi();

    [GeneratedRegex("(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])")]
    private static partial Regex GitHub();

    [GeneratedRegex("(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])")]
    private static partial Regex AwsAccessKey();

    [GeneratedRegex("""(?i:secret[_-]?access[_-]?key)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?(?<v>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])""")]
    private static partial Regex AwsSecretKey();

    [GeneratedRegex("xox[abposr]-[A-Za-z0-9-]{10,}|xapp-[A-Za-z0-9-]{10,}")]
    private static partial Regex SlackToken();

    [GeneratedRegex("hooks\\.slack\\.com/(?:services|workflows|triggers)/(?<v>[A-Za-z0-9/_-]{8,})")]
    private static partial Regex SlackWebhook();

    [GeneratedRegex("AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])")]
    private static partial Regex Google();

    [GeneratedRegex("(?:(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}|whsec_[A-Za-z0-9]{20,})")]
    private static partial Regex Stripe();

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*")]
    private static partial Regex Jwt();

    [GeneratedRegex("(?<![A-Za-z0-9])(?i:bearer)[ \t]+(?<v>[A-Za-z0-9._~+/-]{8,}=*)")]
    private static partial Regex Bearer();

    [GeneratedRegex("""(?i:authorization)(?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?[ \t]*(?i:basic)[ \t]+(?<v>[A-Za-z0-9+/]{8,}={0,2})""")]
    private static partial Regex BasicAuth();

    [GeneratedRegex(
        """(?<key>(?i:client[_-]?secret|secret[_-]?key|secret|passphrase|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key|auth[_-]?key|token)(?:[_-](?i:base|value))?)(?![A-Za-z0-9_-])(?<sep>(?:\\?["']|\\u00(?:22|27))?[ \t]*(?::=|=>|[:=])[ \t]*)"""
        + AssignedValue)]
    private static partial Regex Assignment();

    [GeneratedRegex(
        """(?:(?<![A-Za-z0-9_-])|(?<=\\u00[0-9A-Fa-f]{2}))--?(?:[A-Za-z0-9]+-)*(?<key>(?i:password|passwd|token|secret|api[_-]?key|apikey))(?<sep>[ \t]+)"""
        + AssignedValue)]
    private static partial Regex CommandLineFlag();
}
